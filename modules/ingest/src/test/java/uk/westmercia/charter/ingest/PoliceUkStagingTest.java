package uk.westmercia.charter.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.westmercia.charter.catalogue.Source;
import uk.westmercia.charter.reference.CrimeCategories;
import uk.westmercia.charter.testing.SharedSparkSession;

/**
 * The three real data.police.uk files (January-March 2024) staged with the real districts.csv; counts
 * checked against figures worked out apart from the pipeline, with (run in the shared data folder):
 * <pre>
 * python3 -c "
 * import csv,glob,collections
 * d={r['district_name']:r['lpa_code'] for r in csv.DictReader(open('reference/districts.csv'))}
 * for f in sorted(glob.glob('policeuk/*.csv')):
 *     c=collections.Counter(); nl=oof=0
 *     for r in csv.DictReader(open(f,newline='')):
 *         k='asb' if r['Crime type']=='Anti-social behaviour' else 'crime'
 *         n=r['LSOA name'].strip()
 *         if not n or not r['LSOA code'].strip(): nl+=1; lpa=None
 *         else:
 *             lpa=d.get(n.rsplit(' ',1)[0])
 *             if lpa is None: oof+=1
 *         c[(k,'WM')]+=1
 *         if lpa: c[(k,lpa)]+=1
 *     print(f,'no_location',nl,'out_of_force',oof,sorted(c.items()))"
 * </pre>
 */
@ExtendWith(SharedSparkSession.class)
class PoliceUkStagingTest {
    /** month -> "kind area" -> count; kind crime (every category but ASB) or asb; area WM (all rows) or an LPA. */
    private static final Map<String, Map<String, Long>> EXPECTED = Map.of(
            "2024-01", counts(1157, 156, 247, 242, 336, 170, 6543, 828, 1403, 1302, 1633, 1210),
            "2024-02", counts(1129, 154, 252, 196, 337, 178, 6525, 801, 1409, 1369, 1547, 1232),
            "2024-03", counts(1316, 171, 329, 263, 333, 217, 7213, 944, 1627, 1393, 1776, 1265));

    private static Map<String, Long> counts(long... n) {
        String[] areas = {"WM", "HER", "NWO", "SHR", "SWO", "TWR"};
        Map<String, Long> counts = new TreeMap<>();
        for (int i = 0; i < 6; i++) {
            counts.put("asb " + areas[i], n[i]);
            counts.put("crime " + areas[i], n[6 + i]);
        }
        return counts;
    }

    @Test
    void realFilesCountPerMonthLpaAndForce(SparkSession spark) throws IOException {
        String shared = System.getProperty("charter.shared.dir");
        Assumptions.assumeTrue(shared != null && Files.isDirectory(Path.of(shared, "data", "policeuk")),
                "skipped: the shared data folder (system property charter.shared.dir, <shared>/data/policeuk) is not there");
        Path data = Path.of(shared, "data");
        Map<String, String> lpaByDistrict = new HashMap<>();
        try (Reader reader = Files.newBufferedReader(data.resolve("reference/districts.csv"))) {
            for (CSVRecord record : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                lpaByDistrict.put(record.get("district_name"), record.get("lpa_code"));
            }
        }
        ReferenceLookup reference = new ReferenceLookup(Map.of(), Map.of(), lpaByDistrict);
        List<LandingFile> files = Stager.landingFiles(data, Source.POLICEUK);
        assertThat(files).hasSize(3);

        StagingResult result = new Stager(spark, reference, IngestFixtures.PSEUDONYMISER).stage(Source.POLICEUK, files);
        try {
            assertThat(result.fileReports()).extracting(FileReport::file).containsExactly(
                    "policeuk/2024-01-west-mercia-street.csv", "policeuk/2024-02-west-mercia-street.csv", "policeuk/2024-03-west-mercia-street.csv");
            assertThat(result.fileReports()).extracting(FileReport::rowsRead).containsExactly(7700L, 7654L, 8529L);
            assertThat(result.fileReports()).extracting(FileReport::rowsStaged).containsExactly(7700L, 7654L, 8529L);
            assertThat(result.fileReports()).extracting(FileReport::rowsRejected).containsExactly(0L, 0L, 0L);
            assertThat(result.fileReports()).extracting(FileReport::noLocation).containsExactly(141L, 151L, 191L);
            assertThat(result.fileReports()).extracting(FileReport::outOfForce).containsExactly(32L, 28L, 20L);
            assertThat(result.fileReports()).allMatch(FileReport::reconciles);

            // ASB rows have no Crime ID and are staged all the same.
            assertThat(result.staged().filter(col("category").equalTo(CrimeCategories.ANTI_SOCIAL_BEHAVIOUR).and(col("crime_ref").isNotNull())).count()).isZero();
            // No location and out-of-force rows are staged without an LPA.
            assertThat(result.staged().filter(col("placement").notEqual("in_force").and(col("lpa_code").isNotNull())).count()).isZero();
            assertThat(result.staged().filter(col("placement").equalTo("in_force").and(col("lpa_code").isNull())).count()).isZero();

            Map<String, Map<String, Long>> actual = new TreeMap<>();
            var kind = when(col("category").equalTo(CrimeCategories.ANTI_SOCIAL_BEHAVIOUR), lit("asb")).otherwise(lit("crime"));
            var month = org.apache.spark.sql.functions.date_format(col("recorded_date"), "yyyy-MM");
            for (Row row : result.staged().groupBy(month.as("m"), kind.as("k")).agg(count(lit(1))).collectAsList()) {
                actual.computeIfAbsent(row.getString(0), m -> new TreeMap<>()).put(row.getString(1) + " WM", row.getLong(2));
            }
            for (Row row : result.staged().filter(col("lpa_code").isNotNull()).groupBy(month.as("m"), kind.as("k"), col("lpa_code"))
                    .agg(count(lit(1))).collectAsList()) {
                actual.get(row.getString(0)).put(row.getString(1) + " " + row.getString(2), row.getLong(3));
            }
            assertThat(actual).isEqualTo(new TreeMap<>(EXPECTED));
        }
        finally {
            result.release();
        }
    }
}
