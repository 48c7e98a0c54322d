package dev.grader.text;

import java.util.List;

/**
 * The form of an answer apart from what it says: how long it is, and whether it is statements at all. Both
 * matter to how far a grade can be trusted: key points are matched within sentences, so a heap of loose words,
 * or pages of text around a short question, can earn credit by chance.
 */
public final class AnswerShape {

    /** Sentences needed before an answer can be called a list of fragments. */
    static final int MIN_SENTENCES = 3;
    /** A sentence of at most this many words states no relation. */
    public static final int FRAGMENT_WORDS = 2;

    private AnswerShape() {
    }

    /** Words, as the tokenizer counts them (a code identifier is one). */
    public static int words(String text) {
        return Tokenizer.tokenize(text).size();
    }

    /** Whether most of at least three sentences are one or two words: "graceful. forceful. idle. listener." */
    public static boolean fragments(String text) {
        List<Span> sentences = Segmenter.sentences(text);
        if (sentences.size() < MIN_SENTENCES) {
            return false;
        }
        int fragments = 0;
        for (Span s : sentences) {
            if (Tokenizer.tokenize(text.substring(s.start(), s.end())).size() <= FRAGMENT_WORDS) {
                fragments++;
            }
        }
        return fragments * 2 > sentences.size();
    }
}
