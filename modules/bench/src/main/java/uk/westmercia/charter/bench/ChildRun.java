package uk.westmercia.charter.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs a command as a child process, output to a log file, and records its wall time and peak RSS (VmHWM). */
final class ChildRun {

    record Result(int exitCode, double seconds, long peakRssKib) {
    }

    private ChildRun() {
    }

    static Result run(List<String> command, Path dir, Map<String, String> env, Path log)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        long start = System.nanoTime();
        Process p = pb.start();
        long pid = p.pid();
        long peak = -1;
        // jobs/charter execs java, so the child's pid becomes the Spark driver JVM's. VmHWM is a high-water mark:
        // the last value read before exit is the peak; polling keeps it when the exit races the read.
        while (p.isAlive()) {
            long hwm = ProcStatus.vmHwmKib(pid);
            for (ProcessHandle h : p.descendants().toList()) {
                hwm = Math.max(hwm, ProcStatus.vmHwmKib(h.pid()));
            }
            peak = Math.max(peak, hwm);
            Thread.sleep(100);
        }
        int code = p.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(code, seconds, peak);
    }
}
