package uk.westmercia.charter.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
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
import uk.westmercia.charter.warehouse.WarehouseTables;

@ExtendWith(SharedSparkSession.class)
class TableExportTest {
    @TempDir
    Path root;

    private void rejects(WarehouseTables tables, String source, String file, long line) {
        tables.overwrite(TableName.rejects(source), tables.spark().createDataFrame(
                List.of(RowFactory.create(source, file, line, "BAD_DATE", "date", "date 'x' is not a date")), StagedSchemas.REJECTS));
    }

    @Test
    void rejectsExportsEverySourcesRejectsTogether(SparkSession spark) throws Exception {
        Warehouse warehouse = new Warehouse(root);
        WarehouseTables tables = WarehouseTables.forRun(spark, warehouse, "20240101T000000Z-0001");
        rejects(tables, "engagement", "engagement/e.jsonl", 4);
        rejects(tables, "contacts", "contacts/c.csv", 7);
        tables.publish("test");
        Path out = root.resolve("rejects.csv");

        long rows = TableExport.export(TableExport.resolve(WarehouseTables.reader(spark, warehouse), "rejects", Optional.empty()),
                TableExport.Format.CSV, Optional.of(out));

        assertThat(rows).isEqualTo(2);
        assertThat(Files.readAllLines(out)).containsExactly(
                "source,file,line,reason_code,column,reason",
                "contacts,contacts/c.csv,7,BAD_DATE,date,date 'x' is not a date",
                "engagement,engagement/e.jsonl,4,BAD_DATE,date,date 'x' is not a date");
    }

    @Test
    void csvNeutralisesFormulaLikeTextAndKeepsNumbersNumbers(SparkSession spark) throws Exception {
        Warehouse warehouse = new Warehouse(root);
        WarehouseTables tables = WarehouseTables.forRun(spark, warehouse, "20240101T000000Z-0001");
        tables.overwrite(TableName.rejects("crime"), spark.createDataFrame(List.of(
                        RowFactory.create("crime", "crime/=c.csv", 2L, "BAD_DATE", "recorded_date", "=HYPERLINK(\"http://evil\",\"x\")"),
                        RowFactory.create("crime", "crime/c.csv", 3L, "UNKNOWN_AREA", "snt_code", "+cmd|' /C calc'!A0"),
                        RowFactory.create("crime", "crime/c.csv", 4L, "UNKNOWN_AREA", "snt_code", "-2+3"),
                        RowFactory.create("crime", "crime/c.csv", 5L, "UNKNOWN_AREA", "snt_code", "@SUM(1+1)"),
                        RowFactory.create("crime", "crime/c.csv", 6L, "UNKNOWN_AREA", "snt_code", "\tx")),
                        StagedSchemas.REJECTS).coalesce(1));
        tables.publish("test");
        Dataset<Row> figures = spark.sql("SELECT 'VIS-01' AS metric_id, '-WM' AS area_code, CAST(-1.25 AS DOUBLE) AS value, CAST(-3 AS BIGINT) AS change, "
                + "CAST(-0.50 AS DECIMAL(10, 2)) AS exact, CAST(NULL AS STRING) AS note");
        Path out = root.resolve("out.csv");

        TableExport.export(TableExport.resolve(WarehouseTables.reader(spark, warehouse), "rejects/crime", Optional.empty()),
                TableExport.Format.CSV, Optional.of(out));
        assertThat(Files.readString(out).lines().toList()).containsExactly(
                "source,file,line,reason_code,column,reason",
                "crime,crime/=c.csv,2,BAD_DATE,recorded_date,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"",
                "crime,crime/c.csv,3,UNKNOWN_AREA,snt_code,'+cmd|' /C calc'!A0",
                "crime,crime/c.csv,4,UNKNOWN_AREA,snt_code,'-2+3",
                "crime,crime/c.csv,5,UNKNOWN_AREA,snt_code,'@SUM(1+1)",
                "crime,crime/c.csv,6,UNKNOWN_AREA,snt_code,'\tx");

        TableExport.export(figures, TableExport.Format.CSV, Optional.of(out));
        // Negative numbers stay numbers; text starting with '-' is neutralised; null stays empty.
        assertThat(Files.readString(out).lines().toList()).containsExactly(
                "metric_id,area_code,value,change,exact,note",
                "VIS-01,'-WM,-1.25,-3,-0.50,");
    }

    @Test
    void rejectsOfAnEmptyWarehouseSayWhy(SparkSession spark) {
        Warehouse warehouse = new Warehouse(root);
        assertThatThrownBy(() -> TableExport.resolve(WarehouseTables.reader(spark, warehouse), "rejects", Optional.empty()))
                .hasMessage("Cannot export table 'rejects': nothing is published in " + warehouse.root() + "; has a nightly run succeeded?");
    }
}
