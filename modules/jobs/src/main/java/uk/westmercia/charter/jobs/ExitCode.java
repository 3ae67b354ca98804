package uk.westmercia.charter.jobs;

/** The contract's exit codes. */
public enum ExitCode {
    SUCCESS(0),
    FAILURE(1),
    BAD_COMMAND_LINE(2),
    INPUT_REFUSED(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
