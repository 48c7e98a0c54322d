package dev.grader.llm;

import dev.grader.text.Span;
import java.util.Optional;

/**
 * Finds a model's quote in the answer: exactly first, then ignoring case and differences in whitespace (runs of
 * spaces, tabs and line breaks count as one space, surrounding quote marks and whitespace of the quote are
 * dropped). The span is mapped back to offsets of the original answer. Linear in the answer and the quote.
 */
final class QuoteLocator {

    private QuoteLocator() {
    }

    static Optional<Span> find(String answer, String quote) {
        if (quote == null) {
            return Optional.empty();
        }
        String q = quote.strip();
        if (q.length() >= 2 && isQuoteMark(q.charAt(0)) && isQuoteMark(q.charAt(q.length() - 1))) {
            q = q.substring(1, q.length() - 1).strip();
        }
        if (q.isEmpty()) {
            return Optional.empty();
        }
        int exact = indexOf(answer, q);
        if (exact >= 0) {
            return Optional.of(new Span(exact, exact + q.length()));
        }
        Normalized a = Normalized.of(answer);
        String nq = Normalized.of(q).text.strip();
        if (nq.isEmpty()) {
            return Optional.empty();
        }
        int at = indexOf(a.text, nq);
        if (at < 0) {
            return Optional.empty();
        }
        int start = a.offsets[at];
        int end = a.offsets[at + nq.length() - 1] + 1;
        return Optional.of(new Span(start, end));
    }

    /**
     * {@link String#indexOf(String)} in linear time (Knuth-Morris-Pratt): the quote comes from the model, and a
     * quote such as 16,000 {@code a}s and a {@code b} against an answer of 32,000 {@code a}s takes String's naive
     * search most of a second, for every point of the reply.
     */
    static int indexOf(String text, String pattern) {
        int m = pattern.length();
        if (m == 0) {
            return 0;
        }
        if (m > text.length()) {
            return -1;
        }
        int[] fallback = new int[m];
        for (int i = 1, k = 0; i < m; i++) {
            while (k > 0 && pattern.charAt(i) != pattern.charAt(k)) {
                k = fallback[k - 1];
            }
            if (pattern.charAt(i) == pattern.charAt(k)) {
                k++;
            }
            fallback[i] = k;
        }
        for (int i = 0, k = 0; i < text.length(); i++) {
            while (k > 0 && text.charAt(i) != pattern.charAt(k)) {
                k = fallback[k - 1];
            }
            if (text.charAt(i) == pattern.charAt(k)) {
                k++;
            }
            if (k == m) {
                return i - m + 1;
            }
        }
        return -1;
    }

    private static boolean isQuoteMark(char c) {
        return c == '"' || c == '\'' || c == '\u201C' || c == '\u201D' || c == '\u2018' || c == '\u2019';
    }

    /** Lower-cased text with whitespace runs collapsed, and for each of its chars the offset in the original. */
    private record Normalized(String text, int[] offsets) {

        static Normalized of(String s) {
            StringBuilder b = new StringBuilder(s.length());
            int[] offsets = new int[s.length()];
            boolean space = false;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                    if (!space) {
                        offsets[b.length()] = i;
                        b.append(' ');
                        space = true;
                    }
                    continue;
                }
                space = false;
                offsets[b.length()] = i;
                b.append(Character.toLowerCase(c));
            }
            return new Normalized(b.toString(), offsets);
        }
    }
}
