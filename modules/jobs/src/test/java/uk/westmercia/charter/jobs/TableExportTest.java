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
    void rejectsOfAnEmptyWarehouseSayWhy() {
        assertThatThrownBy(() -> TableExport.resolve(new Warehouse(root), "rejects"))
                .hasMessage("Cannot export table 'rejects': " + root.resolve("rejects") + " holds no source's rejects; has a nightly run succeeded?");
    }
}
