package dev.grader.text;

/**
 * Makes untrusted answer text safe to analyse without moving any offset: control chars and unpaired
 * surrogates become spaces, masked spans become spaces. The result has the same length as the input, so
 * evidence offsets found on it are valid on the original.
 */
public final class AnswerText {

    private AnswerText() {
    }

    public static String sanitize(String text) {
        char[] chars = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean bad;
            if (Character.isHighSurrogate(c)) {
                bad = i + 1 >= n || !Character.isLowSurrogate(text.charAt(i + 1));
                if (!bad) {
                    i++;
                    continue;
                }
            } else if (Character.isLowSurrogate(c)) {
                bad = true;
            } else {
                bad = c != '\n' && c != '\t' && (Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                        || c == '\uFEFF' || c == '\u200B');
            }
            if (bad) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = ' ';
            }
        }
        return chars == null ? text : new String(chars);
    }

    /** Replaces each span with spaces, keeping line breaks so sentence boundaries stay put. */
    public static String mask(String text, java.util.List<Span> spans) {
        if (spans.isEmpty()) {
            return text;
        }
        char[] chars = text.toCharArray();
        for (Span s : spans) {
            for (int i = s.start(); i < s.end() && i < chars.length; i++) {
                if (chars[i] != '\n') {
                    chars[i] = ' ';
                }
            }
        }
        return new String(chars);
    }
}
