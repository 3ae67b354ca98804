package uk.westmercia.charter.ingest;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import uk.westmercia.charter.reference.District;
import uk.westmercia.charter.reference.Parish;
import uk.westmercia.charter.reference.ReferenceData;
import uk.westmercia.charter.reference.Snt;

/** The small part of the reference data validation needs, shipped to every task. */
public record ReferenceLookup(
        Map<String, String> lpaBySnt,
        Map<String, String> sntByParish,
        Map<String, String> lpaByDistrict) implements Serializable {

    public ReferenceLookup {
        lpaBySnt = Map.copyOf(requireNonNull(lpaBySnt, "lpaBySnt is null"));
        sntByParish = Map.copyOf(requireNonNull(sntByParish, "sntByParish is null"));
        lpaByDistrict = Map.copyOf(requireNonNull(lpaByDistrict, "lpaByDistrict is null"));
    }

    public static ReferenceLookup of(ReferenceData reference) {
        Map<String, String> lpaBySnt = new HashMap<>();
        for (Snt snt : reference.snts()) {
            lpaBySnt.put(snt.code(), snt.lpa().code());
        }
        Map<String, String> sntByParish = new HashMap<>();
        for (Parish parish : reference.parishes()) {
            sntByParish.put(parish.code(), parish.sntCode());
        }
        Map<String, String> lpaByDistrict = new HashMap<>();
        for (District district : reference.districts()) {
            lpaByDistrict.put(district.name(), district.lpa().code());
        }
        return new ReferenceLookup(lpaBySnt, sntByParish, lpaByDistrict);
    }
}
