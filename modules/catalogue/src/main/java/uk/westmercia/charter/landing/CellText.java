package uk.westmercia.charter.landing;

/**
 * How a landed value is quoted in a message (a reject reason, a refusal): whole when short, else its
 * first {@value #SHOWN} characters and its length, so a 1 MB cell does not become a 1 MB reason.
 */
public final class CellText {
    /** Values up to this length are quoted whole. */
    public static final int WHOLE = 80;
    /** How much of a longer value is quoted. */
    public static final int SHOWN = 60;

    private CellText() {
    }

    /** {@code 'value'}, or {@code 'first 60 characters… (1048576 characters)'} for a longer one. */
    public static String quoted(String value) {
        return "'" + cut(value) + "'";
    }

    /** The value, or its first {@value #SHOWN} characters followed by {@code … (N characters)}. */
    public static String cut(String value) {
        if (value == null || value.length() <= WHOLE) {
            return value;
        }
        int end = SHOWN;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--; // never split a character in two
        }
        return value.substring(0, end) + "\u2026 (" + value.codePointCount(0, value.length()) + " characters)";
    }
}
