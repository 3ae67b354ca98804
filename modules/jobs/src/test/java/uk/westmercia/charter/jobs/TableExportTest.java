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
    void rejectsOfAnEmptyWarehouseSayWhy(SparkSession spark) {
        Warehouse warehouse = new Warehouse(root);
        assertThatThrownBy(() -> TableExport.resolve(WarehouseTables.reader(spark, warehouse), "rejects", Optional.empty()))
                .hasMessage("Cannot export table 'rejects': nothing is published in " + warehouse.root() + "; has a nightly run succeeded?");
    }
}
