package dev.grader;

/**
 * A quoted span of the answer: {@code quote.equals(answer.substring(start, end))}.
 *
 * @param quote the span's text
 * @param start offset of its first char in the answer (UTF-16 index, as {@link String#substring})
 * @param end   offset after its last char
 */
@Api(status = Api.Status.STABLE)
public record Evidence(String quote, int start, int end) {

    public Evidence {
        if (quote == null || start < 0 || end < start || end - start != quote.length()) {
            throw new IllegalArgumentException("evidence span [" + start + ", " + end + ") does not fit quote of length "
                    + (quote == null ? "null" : quote.length()));
        }
    }

    /** The span {@code [start, end)} of {@code answer}. */
    public static Evidence of(String answer, int start, int end) {
        return new Evidence(answer.substring(start, end), start, end);
    }
}
