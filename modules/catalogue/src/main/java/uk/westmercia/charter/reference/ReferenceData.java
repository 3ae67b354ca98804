package uk.westmercia.charter.reference;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The landing's reference tables: geography, population, harm weights and targets. */
public record ReferenceData(
        List<Snt> snts,
        List<Parish> parishes,
        Map<String, Long> populationBySnt,
        List<District> districts,
        Map<String, Double> harmWeights,
        Map<String, Target> targets) {

    public ReferenceData {
        snts = List.copyOf(requireNonNull(snts, "snts is null"));
        parishes = List.copyOf(requireNonNull(parishes, "parishes is null"));
        populationBySnt = Map.copyOf(requireNonNull(populationBySnt, "populationBySnt is null"));
        districts = List.copyOf(requireNonNull(districts, "districts is null"));
        harmWeights = Map.copyOf(requireNonNull(harmWeights, "harmWeights is null"));
        targets = Map.copyOf(requireNonNull(targets, "targets is null"));
    }

    public Optional<Snt> snt(String code) {
        return snts.stream().filter(snt -> snt.code().equals(code)).findFirst();
    }

    public List<Snt> sntsOf(Lpa lpa) {
        return snts.stream().filter(snt -> snt.lpa() == lpa).toList();
    }

    /** Population from population.csv summed over the area (all ages and sexes). */
    public long population(AreaLevel level, String areaCode) {
        return switch (level) {
            case FORCE -> populationBySnt.values().stream().mapToLong(Long::longValue).sum();
            case LPA -> sntsOf(Lpa.valueOf(areaCode)).stream()
                    .mapToLong(snt -> populationBySnt.getOrDefault(snt.code(), 0L)).sum();
            case SNT -> populationBySnt.getOrDefault(areaCode, 0L);
        };
    }

    /** Population from districts.csv: the only population data.police.uk files can use. */
    public long districtPopulation(AreaLevel level, String areaCode) {
        return switch (level) {
            case FORCE -> districts.stream().mapToLong(District::population).sum();
            case LPA -> districts.stream().filter(d -> d.lpa().code().equals(areaCode)).mapToLong(District::population).sum();
            case SNT -> throw new IllegalArgumentException("Cannot take district population of SNT " + areaCode + ": districts map to LPAs only");
        };
    }

    /** Every area of the given level, force first, in a stable order. */
    public List<String> areaCodes(AreaLevel level) {
        return switch (level) {
            case FORCE -> List.of(Lpa.FORCE_CODE);
            case LPA -> java.util.Arrays.stream(Lpa.values()).map(Lpa::code).toList();
            case SNT -> snts.stream().map(Snt::code).sorted().toList();
        };
    }

    public Map<String, Lpa> lpaBySnt() {
        return snts.stream().collect(Collectors.toMap(Snt::code, Snt::lpa, (a, b) -> a, LinkedHashMap::new));
    }

    public Map<String, Lpa> lpaByDistrictName() {
        return districts.stream().collect(Collectors.toMap(District::name, District::lpa, (a, b) -> a, LinkedHashMap::new));
    }
}
