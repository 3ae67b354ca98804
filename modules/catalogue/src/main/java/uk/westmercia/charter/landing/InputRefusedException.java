package uk.westmercia.charter.landing;

/** Input the contract refuses (exit code 3): a bad reference file, a file missing required columns. */
public class InputRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputRefusedException(String message) {
        super(message);
    }
}
