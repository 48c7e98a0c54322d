package dev.grader.text;

/**
 * One word of a text, with its place in the text.
 *
 * <p>Code identifiers are split into their words ({@code ReadHeaderTimeout} gives {@code read}, {@code header},
 * {@code timeout}) that share a {@code group}, so {@code read header timeout} written out matches them too.
 *
 * @param start    offset of the first char in the text
 * @param end      offset after the last char
 * @param lower    the word in lower case ({@code not} for contractions such as {@code doesn't})
 * @param stem     the Snowball English stem of {@code lower}, after thesaurus normalisation
 * @param code     whether the word came from a code identifier
 * @param group    index of the code identifier it came from, or -1
 * @param stop     whether it is a stop word (negators never are)
 * @param negation whether it is a negation cue ({@code not}, {@code never}, {@code doesn't}, ...)
 */
public record Token(int start, int end, String lower, String stem, boolean code, int group, boolean stop,
                    boolean negation) {

    /** Whether this word carries content: not a stop word and not a single char. */
    public boolean content() {
        return !stop && !negation && (lower.length() > 1 || Character.isDigit(lower.charAt(0)));
    }
}
