package uk.westmercia.charter.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

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

    @Test
    void labelsFinancialPeriodsInDuckDbSql() {
        List<String> sql = DuckCheck.statements(Paths.get("/landing"), LocalDate.of(2025, 3, 31));
        assertThat(sql).anyMatch(s -> s.contains("read_csv('/landing/crime/*.csv'"));
        assertThat(sql).anyMatch(s -> s.contains("DATE '2025-03-31'"));
    }
}
