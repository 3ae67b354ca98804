package uk.westmercia.charter.generator;

import java.util.Locale;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a generation wrote. Maps are keyed by source folder name ({@code crime}, {@code contacts},
 * {@code engagement}, {@code survey-public}, {@code survey-parish}, {@code patrols}, {@code priorities},
 * {@code neighbourhood-matters}, {@code reference}) in that order.
 *
 * @param rows          data rows written per source (bad rows and crime restatements included; headers not)
 * @param badRows       deliberately bad rows per source (part of {@code rows})
 * @param files         files written per source
 * @param restatements  crime rows re-issued in a later extract (part of {@code rows.get("crime")})
 */
public record GenerationSummary(Map<String, Long> rows, Map<String, Long> badRows, Map<String, Integer> files,
                                long restatements) {

    public GenerationSummary {
        rows = Collections.unmodifiableMap(new LinkedHashMap<>(rows));
        badRows = Collections.unmodifiableMap(new LinkedHashMap<>(badRows));
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    public long rows(String source) {
        return rows.getOrDefault(source, 0L);
    }

    public int files(String source) {
        return files.getOrDefault(source, 0);
    }

    public int totalFiles() {
        return files.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, Integer> e : files.entrySet()) {
            String source = e.getKey();
            text.append(String.format(Locale.ROOT, "%-21s %,10d rows %,6d bad %,5d files%n",
                    source, rows(source), badRows.getOrDefault(source, 0L), e.getValue()));
        }
        text.append(String.format(Locale.ROOT, "crime restatements: %,d%n", restatements));
        return text.toString();
    }
}
