package uk.westmercia.charter.reporting;

/** HTML escaping for text and attribute values: every text that comes from data goes through here. */
public final class Html {
    private Html() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // Control characters other than tab, newline and CR are not allowed in HTML text.
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        out.append('\uFFFD');
                    }
                    else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** A fragment safe for an id attribute: letters, digits and hyphens only. */
    public static String id(String text) {
        return text == null ? "" : text.replaceAll("[^A-Za-z0-9-]", "-");
    }
}
