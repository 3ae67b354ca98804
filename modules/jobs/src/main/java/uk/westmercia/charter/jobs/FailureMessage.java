package uk.westmercia.charter.jobs;

import java.nio.file.FileSystemException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one line a failure is reported with. Usually the first line of the exception's message; but
 * when the root cause is one the operator must act on outside the job, the line starts with it and
 * names the path: a Spark write that fails on a full disk is reported by Spark as "Job aborted due to
 * stage failure: ..." with "No space left on device" only deep in its causes.
 */
final class FailureMessage {
    static final String DISK_FULL = "No space left on device";
    /** A path in a message: absolute, or a file: URI (Spark's "writing rows to file:/..."), not part of a longer word or URL. */
    private static final Pattern PATH = Pattern.compile("(?<![\\w/:.])(?:file:)?(/[^\\s'\"`,;()\\[\\]{}<>]+)");

    private FailureMessage() {
    }

    static String oneLine(Throwable exception) {
        if (!(exception instanceof JobFailure) && isDiskFull(exception)) {
            return diskFull(exception);
        }
        return firstLine(exception);
    }

    static boolean isDiskFull(Throwable exception) {
        return chain(exception).stream().anyMatch(cause -> cause.getMessage() != null && cause.getMessage().contains(DISK_FULL));
    }

    /** "No space left on device writing /path: free space ..." with the most specific path the causes name. */
    private static String diskFull(Throwable exception) {
        Optional<String> path = path(exception);
        return DISK_FULL + path.map(where -> " writing " + where).orElse(" (no path was reported; the warehouse or Spark's local folder)")
                + ": free space on that file system and run again; what this run wrote was not published";
    }

    /**
     * The path the failure is about: the file of the deepest {@link FileSystemException}, else the
     * last path named by the deepest message that names one (the innermost is the most specific).
     */
    static Optional<String> path(Throwable exception) {
        List<Throwable> chain = chain(exception);
        Collections.reverse(chain);
        for (Throwable cause : chain) {
            if (cause instanceof FileSystemException failure && failure.getFile() != null) {
                return Optional.of(failure.getFile());
            }
        }
        for (Throwable cause : chain) {
            String message = cause.getMessage();
            if (message == null) {
                continue;
            }
            String found = null;
            Matcher matcher = PATH.matcher(message);
            while (matcher.find()) {
                found = matcher.group(1);
            }
            if (found != null) {
                return Optional.of(found.replaceAll("[.:]+$", ""));
            }
        }
        return Optional.empty();
    }

    private static String firstLine(Throwable exception) {
        String message = exception.getMessage() == null ? exception.getClass().getSimpleName() : exception.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    /** The exception and its causes, outermost first, each once. */
    private static List<Throwable> chain(Throwable exception) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = exception; cause != null && seen.add(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }
}
