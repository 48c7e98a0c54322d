package dev.grader.batch;

/** Escaping for HTML text and attribute values: candidate answers and names are untrusted. */
final class Html {

    private Html() {
    }

    /** Text safe in element content and in quoted attribute values. */
    static String escape(String text) {
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
                    // Control characters other than tab and line ends are not allowed in HTML text.
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F) {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** An element id from a file name (already limited to letters, digits and {@code -_.@+}). */
    static String candidateAnchor(String file) {
        return "c-" + file;
    }
}
