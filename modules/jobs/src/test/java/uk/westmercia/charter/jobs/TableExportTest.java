package uk.westmercia.charter.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import uk.westmercia.charter.ingest.StagedSchemas;
import uk.westmercia.charter.testing.SharedSparkSession;
import uk.westmercia.charter.warehouse.TableName;
import uk.westmercia.charter.warehouse.Warehouse;

@ExtendWith(SharedSparkSession.class)
class TableExportTest {
    @TempDir
    Path root;

    private void rejects(SparkSession spark, Warehouse warehouse, String source, String file, long line) {
        spark.createDataFrame(List.of(RowFactory.create(source, file, line, "BAD_DATE", "date", "date 'x' is not a date")), StagedSchemas.REJECTS)
                .coalesce(1).write().mode(SaveMode.ErrorIfExists).parquet(warehouse.versionPath(TableName.rejects(source), "run-1").toString());
        warehouse.publish(TableName.rejects(source), "run-1");
    }

    @Test
    void rejectsExportsEverySourcesRejectsTogether(SparkSession spark) throws Exception {
        Warehouse warehouse = new Warehouse(root);
        rejects(spark, warehouse, "engagement", "engagement/e.jsonl", 4);
        rejects(spark, warehouse, "contacts", "contacts/c.csv", 7);
        Path out = root.resolve("rejects.csv");

        long rows = TableExport.export(spark, TableExport.resolve(warehouse, "rejects"), TableExport.Format.CSV, Optional.of(out));

        assertThat(rows).isEqualTo(2);
        assertThat(Files.readAllLines(out)).containsExactly(
                "source,file,line,reason_code,column,reason",
                "contacts,contacts/c.csv,7,BAD_DATE,date,date 'x' is not a date",
                "engagement,engagement/e.jsonl,4,BAD_DATE,date,date 'x' is not a date");
    }

    @Test
    void csvNeutralisesFormulaLikeTextAndKeepsNumbersNumbers(SparkSession spark) throws Exception {
        Warehouse warehouse = new Warehouse(root);
        spark.createDataFrame(List.of(
                        RowFactory.create("crime", "crime/=c.csv", 2L, "BAD_DATE", "recorded_date", "=HYPERLINK(\"http://evil\",\"x\")"),
                        RowFactory.create("crime", "crime/c.csv", 3L, "UNKNOWN_AREA", "snt_code", "+cmd|' /C calc'!A0"),
                        RowFactory.create("crime", "crime/c.csv", 4L, "UNKNOWN_AREA", "snt_code", "-2+3"),
                        RowFactory.create("crime", "crime/c.csv", 5L, "UNKNOWN_AREA", "snt_code", "@SUM(1+1)"),
                        RowFactory.create("crime", "crime/c.csv", 6L, "UNKNOWN_AREA", "snt_code", "\tx")),
                        StagedSchemas.REJECTS)
                .coalesce(1).write().mode(SaveMode.ErrorIfExists).parquet(warehouse.versionPath(TableName.rejects("crime"), "run-1").toString());
        warehouse.publish(TableName.rejects("crime"), "run-1");
        Path figures = root.resolve("figures");
        spark.sql("SELECT 'VIS-01' AS metric_id, '-WM' AS area_code, CAST(-1.25 AS DOUBLE) AS value, CAST(-3 AS BIGINT) AS change, "
                        + "CAST(-0.50 AS DECIMAL(10, 2)) AS exact, CAST(NULL AS STRING) AS note")
                .coalesce(1).write().parquet(figures.toString());
        Path out = root.resolve("out.csv");

        TableExport.export(spark, TableExport.resolve(warehouse, "rejects/crime"), TableExport.Format.CSV, Optional.of(out));
        assertThat(Files.readString(out).lines().toList()).containsExactly(
                "source,file,line,reason_code,column,reason",
                "crime,crime/=c.csv,2,BAD_DATE,recorded_date,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"",
                "crime,crime/c.csv,3,UNKNOWN_AREA,snt_code,'+cmd|' /C calc'!A0",
                "crime,crime/c.csv,4,UNKNOWN_AREA,snt_code,'-2+3",
                "crime,crime/c.csv,5,UNKNOWN_AREA,snt_code,'@SUM(1+1)",
                "crime,crime/c.csv,6,UNKNOWN_AREA,snt_code,'\tx");

        TableExport.export(spark, List.of(figures), TableExport.Format.CSV, Optional.of(out));
        // Negative numbers stay numbers; text starting with '-' is neutralised; null stays empty.
        assertThat(Files.readString(out).lines().toList()).containsExactly(
                "metric_id,area_code,value,change,exact,note",
                "VIS-01,'-WM,-1.25,-3,-0.50,");
    }

    @Test
    void rejectsOfAnEmptyWarehouseSayWhy() {
        assertThatThrownBy(() -> TableExport.resolve(new Warehouse(root), "rejects"))
                .hasMessage("Cannot export table 'rejects': " + root.resolve("rejects") + " holds no source's rejects; has a nightly run succeeded?");
    }
}
