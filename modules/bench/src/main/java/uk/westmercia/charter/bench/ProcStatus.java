package uk.westmercia.charter.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Peak resident memory of a process from Linux's /proc/&lt;pid&gt;/status. */
final class ProcStatus {
    private static final Pattern HWM = Pattern.compile("(?m)^VmHWM:\\s*(\\d+)\\s*kB");

    private ProcStatus() {
    }

    /** VmHWM in KiB from the text of a status file, or -1 when absent. */
    static long vmHwmKib(String statusText) {
        Matcher m = HWM.matcher(statusText);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** VmHWM of a live process, or -1 when it has gone or the file cannot be read. */
    static long vmHwmKib(long pid) {
        Path status = Paths.get("/proc", Long.toString(pid), "status");
        try {
            return vmHwmKib(Files.readString(status));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
