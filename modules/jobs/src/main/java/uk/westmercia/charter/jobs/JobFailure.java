package uk.westmercia.charter.jobs;

import static java.util.Objects.requireNonNull;

/** A failure with a one-line message for the operator and the exit code it ends the run with. */
public final class JobFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ExitCode exitCode;

    public JobFailure(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = requireNonNull(exitCode, "exitCode is null");
    }

    public JobFailure(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = requireNonNull(exitCode, "exitCode is null");
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
