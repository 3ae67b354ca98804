package uk.westmercia.charter.landing;

import java.nio.charset.CharacterCodingException;

/** Bytes of a landing file that are not UTF-8, with the line they are on (from 1, as an editor counts). */
public final class NotUtf8Exception extends CharacterCodingException {
    private static final long serialVersionUID = 1L;
    private final long line;

    public NotUtf8Exception(long line) {
        this.line = line;
    }

    /** The physical line of the file holding the first byte that is not UTF-8. */
    public long line() {
        return line;
    }

    @Override
    public String getMessage() {
        return "line " + line + " is not UTF-8 text";
    }
}
