package uk.westmercia.charter.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.westmercia.charter.testing.SharedSparkSession;

/** The local session's settings that BENCHMARKS.md's measurements rest on. */
@ExtendWith(SharedSparkSession.class)
class SparkSettingsTest {
    @Test
    void localSessionUsesSmallMemoryPages(SparkSession spark) {
        // A broadcast join's hash table takes a whole page: 64 MiB by Spark's own sizing on this machine.
        assertThat(spark.sparkContext().conf().get("spark.buffer.pageSize")).isEqualTo("2m");
        assertThat(spark.sparkContext().env().memoryManager().pageSizeBytes()).isEqualTo(2L << 20);
    }

    @Test
    void generatedClassesAreNotNamedByStage(SparkSession spark) {
        assertThat(spark.conf().get("spark.sql.codegen.useIdInClassName")).isEqualTo("false");
    }
}
