package dev.grader.llm;

import dev.grader.text.Span;
import java.util.Optional;

/**
 * Finds a model's quote in the answer: exactly first, then ignoring case and differences in whitespace (runs of
 * spaces, tabs and line breaks count as one space, surrounding quote marks and whitespace of the quote are
 * dropped). The span is mapped back to offsets of the original answer.
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
        int exact = answer.indexOf(q);
        if (exact >= 0) {
            return Optional.of(new Span(exact, exact + q.length()));
        }
        Normalized a = Normalized.of(answer);
        String nq = Normalized.of(q).text.strip();
        if (nq.isEmpty()) {
            return Optional.empty();
        }
        int at = a.text.indexOf(nq);
        if (at < 0) {
            return Optional.empty();
        }
        int start = a.offsets[at];
        int end = a.offsets[at + nq.length() - 1] + 1;
        return Optional.of(new Span(start, end));
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
