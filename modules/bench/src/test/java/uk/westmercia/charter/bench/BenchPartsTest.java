package uk.westmercia.charter.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchPartsTest {

    @Test
    void parsesArgumentsWithDefaults() {
        BenchArgs a = BenchArgs.parse("--scale", "1", "--years", "3", "--work", "/tmp/w", "--root", "/repo");
        assertThat(a.scale()).isEqualTo(1.0);
        assertThat(a.years()).isEqualTo(3);
        assertThat(a.work()).isEqualTo(Paths.get("/tmp/w"));
        assertThat(a.from()).isEqualTo(LocalDate.of(2022, 4, 1));
        assertThat(a.to()).isEqualTo(LocalDate.of(2025, 3, 31));
        assertThat(a.extraDay()).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(a.landingKey()).isEqualTo("landing-s1-y3-seed20240401");
        assertThat(a.repeats()).isEqualTo(3);
        assertThat(BenchArgs.parse("--repeats", "1", "--root", "/repo").repeats()).isEqualTo(1);

        BenchArgs d = BenchArgs.parse("--root", "/repo");
        assertThat(d.scale()).isEqualTo(0.05);
        assertThat(d.years()).isEqualTo(1);
        assertThat(d.work()).isEqualTo(Paths.get("/repo/target/bench"));
        assertThat(d.landingKey()).isEqualTo("landing-s0.05-y1-seed20240401");
    }

    @Test
    void refusesBadArguments() {
        assertThatThrownBy(() -> BenchArgs.parse("--scale")).hasMessage("--scale needs a value");
        assertThatThrownBy(() -> BenchArgs.parse("--scale", "big")).hasMessage("--scale must be a number, was big");
        assertThatThrownBy(() -> BenchArgs.parse("--years", "0")).hasMessageContaining("--years must be 1 to 10");
        assertThatThrownBy(() -> BenchArgs.parse("--fast", "yes")).hasMessage("unknown argument --fast");
        assertThatThrownBy(() -> BenchArgs.parse("--repeats", "0")).hasMessage("--repeats must be 1 to 9, was 0");
    }

    @Test
    void medianOfTheNights() {
        assertThat(Figures.median(List.of(41.5, 37.2, 39.0))).isEqualTo(39.0);
        assertThat(Figures.median(List.of(40.0, 30.0))).isEqualTo(35.0);
        assertThat(Figures.median(List.of(33.3))).isEqualTo(33.3);
        assertThat(Figures.median(List.of())).isNaN();
        assertThat(Figures.min(List.of(41.5, 37.2, 39.0))).isEqualTo(37.2);
        assertThat(Figures.max(List.of(41.5, 37.2, 39.0))).isEqualTo(41.5);
    }

    @Test
    void eachRatioIsTakenWithinItsPair() {
        // Worked by hand: nights 24/60 = 0.4, 30/75 = 0.4, 21/70 = 0.3, median 0.4; DuckDB 60/4 = 15, 75/5 = 15,
        // 70/7 = 10, median 15 (not 205 / 16 = 12.8, the ratio of the sums, nor 70 / 5 = 14, that of the medians).
        Figures f = new Figures(List.of(60.0, 75.0, 70.0), List.of(4.0, 5.0, 7.0), List.of(24.0, 30.0, 21.0), List.of(36.0, 40.0, 63.0));
        assertThat(f.incrementalOverFull()).containsExactly(0.4, 0.4, 0.3);
        assertThat(Figures.median(f.incrementalOverFull())).isEqualTo(0.4);
        assertThat(f.fullOverDuck()).containsExactly(15.0, 15.0, 10.0);
        assertThat(Figures.median(f.fullOverDuck())).isEqualTo(15.0);
        // The Spark floor: 36/4 = 9, 40/5 = 8, 63/7 = 9.
        assertThat(f.floorOverDuck()).containsExactly(9.0, 8.0, 9.0);
        assertThat(f.describePairs()).isEqualTo("60.0 s, 4.00 s (15.0 times), then 24.0 s (40%); 75.0 s, 5.00 s (15.0 times),"
                + " then 30.0 s (40%); 70.0 s, 7.00 s (10.0 times), then 21.0 s (30%)");
        // A night that failed leaves its full run unpaired.
        assertThat(Figures.ratios(List.of(20.0), List.of(50.0, 80.0))).containsExactly(0.4);
        assertThat(new Figures(List.of(50.0, 80.0), List.of(5.0), List.of(), List.of()).fullOverDuck()).containsExactly(10.0);
    }

    @Test
    void aWarehouseCopySharesOnlyFiles(@TempDir Path temporary) throws Exception {
        Path warehouse = temporary.resolve("warehouse");
        Path log = Files.createDirectories(warehouse.resolve("metrics/metric_values/_delta_log"));
        Files.writeString(log.resolve("00000000000000000000.json"), "commit");
        Files.writeString(warehouse.resolve("metrics/metric_values/part-0.parquet"), "rows");

        Files.writeString(warehouse.resolve(".lock"), "{\"run_id\": \"full\"}");
        Path copy = temporary.resolve("copy");
        assertThat(Bench.linkTree(warehouse, copy)).isEqualTo(3);
        // The lock is written in place and locked by the OS: each copy has its own.
        assertThat(Files.readString(copy.resolve(".lock"))).isEqualTo("{\"run_id\": \"full\"}");
        assertThat(Files.isSameFile(copy.resolve(".lock"), warehouse.resolve(".lock"))).isFalse();
        Path file = copy.resolve("metrics/metric_values/part-0.parquet");
        assertThat(Files.readString(file)).isEqualTo("rows");
        assertThat(Files.isSameFile(file, warehouse.resolve("metrics/metric_values/part-0.parquet"))).isTrue();
        // A nightly on the copy adds files and removes none it did not write: the original keeps its own.
        Files.writeString(copy.resolve("metrics/metric_values/_delta_log/00000000000000000001.json"), "commit");
        assertThat(warehouse.resolve("metrics/metric_values/_delta_log/00000000000000000001.json")).doesNotExist();
    }

    @Test
    void readsVmHwm() {
        String status = "Name:\tjava\nVmPeak:\t 9000000 kB\nVmHWM:\t  1234567 kB\nVmRSS:\t 1000000 kB\n";
        assertThat(ProcStatus.vmHwmKib(status)).isEqualTo(1234567);
        assertThat(ProcStatus.vmHwmKib("Name:\tkthreadd\n")).isEqualTo(-1);
        assertThat(ProcStatus.vmHwmKib(Long.MAX_VALUE)).isEqualTo(-1);
    }

    @Test
    void readsPeakHeapFromGcLog() {
        String log = "[0.010s][info][gc] Using G1\n"
                + "[1.2s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 120M->30M(256M) 5.1ms\n"
                + "[9.9s][info][gc] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 700M->210M(1024M) 12.0ms\n";
        GcLog.Peak p = GcLog.peak(log);
        assertThat(p.usedMib()).isEqualTo(700);
        assertThat(p.committedMib()).isEqualTo(1024);
        assertThat(p.collections()).isEqualTo(2);
        assertThat(GcLog.peak("").usedMib()).isEqualTo(-1);
    }

    @Test
    void sumsRowsReadFromRunReport() throws Exception {
        var report = new ObjectMapper().readTree("{\"input_files\":[{\"rows_read\":10},{\"rows_read\":32},{}]}");
        assertThat(Bench.rowsRead(report)).isEqualTo(42);
    }

    @Test
    void formatsTable() {
        String t = BenchmarksMd.table(List.of(
                new Measurement("full nightly", 95.04, 1_000_000, 2_097_152, 1500, 0),
                new Measurement("scorecard", 12.0, -1, -1, -1, 0)));
        assertThat(t).contains("| full nightly | 95.0 s | 1,000,000 | 10,522 | 2,048 MiB | 1,500 MiB | 0 |");
        assertThat(t).contains("| scorecard | 12.0 s |  |  | n/a | n/a | 0 |");
        assertThat(t.lines().count()).isEqualTo(4);
    }
}
