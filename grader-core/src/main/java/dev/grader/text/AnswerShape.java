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

    /** Words: runs of non-space characters holding a letter or digit. Cheap: no tokenizing, no stemming. */
    public static int words(String text) {
        return words(text, 0, text.length());
    }

    /** Whether most of at least three sentences are one or two words: "graceful. forceful. idle. listener." */
    public static boolean fragments(String text) {
        List<Span> sentences = Segmenter.sentences(text);
        if (sentences.size() < MIN_SENTENCES) {
            return false;
        }
        int fragments = 0;
        for (Span s : sentences) {
            if (words(text, s.start(), s.end()) <= FRAGMENT_WORDS) {
                fragments++;
            }
        }
        return fragments * 2 > sentences.size();
    }

    private static int words(String text, int from, int to) {
        int words = 0;
        boolean inWord = false;
        boolean counted = false;
        for (int i = from; i < to; ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                inWord = false;
            } else {
                if (!inWord) {
                    counted = false;
                }
                inWord = true;
                if (!counted && Character.isLetterOrDigit(c)) {
                    words++;
                    counted = true;
                }
            }
        }
        return words;
    }
}
