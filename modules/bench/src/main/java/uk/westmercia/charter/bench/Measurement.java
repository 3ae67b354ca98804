package uk.westmercia.charter.bench;

/**
 * One measured step.
 *
 * @param name         what was measured
 * @param seconds      wall time of the child process (JVM start included)
 * @param rowsRead     input rows read in the run (run report input_files[].rows_read), -1 when not applicable
 * @param peakRssKib   peak resident set of the child JVM (VmHWM), -1 when unknown
 * @param peakHeapMib  largest heap in use seen in the GC log, -1 when unknown
 * @param exitCode     child exit code
 */
record Measurement(String name, double seconds, long rowsRead, long peakRssKib, long peakHeapMib, int exitCode) {

    double rowsPerSecond() {
        return rowsRead < 0 || seconds <= 0 ? -1 : rowsRead / seconds;
    }
}
