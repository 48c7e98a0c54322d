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

    /**
     * Share of the answer's terms that sit in runs stating no relation: heaps of terms, bare comma lists, and
     * the short sentences of an answer made of {@link #fragments}. 0 for an answer of statements.
     */
    public static double listShare(String text) {
        List<Token> tokens = Tokenizer.tokenize(text);
        boolean fragments = fragments(text);
        int terms = 0;
        int listed = 0;
        int next = 0;
        for (Span s : Segmenter.sentences(text)) {
            int from = next;
            while (from < tokens.size() && tokens.get(from).start() < s.start()) {
                from++;
            }
            int to = from;
            while (to < tokens.size() && tokens.get(to).start() < s.end()) {
                to++;
            }
            next = to;
            int sentenceTerms = 0;
            for (int i = from; i < to; i++) {
                sentenceTerms += tokens.get(i).content() ? 1 : 0;
            }
            terms += sentenceTerms;
            if (statesNoRelation(text, s, tokens, from, to, fragments)) {
                listed += sentenceTerms;
            }
        }
        return terms == 0 ? 0 : (double) listed / terms;
    }

    /**
     * Whether one sentence (tokens {@code [from, to)}) lists terms rather than stating something: a heap, a
     * bare comma list, or, in an answer of fragments, a fragment.
     */
    public static boolean statesNoRelation(String text, Span sentence, List<Token> tokens, int from, int to,
                                           boolean fragments) {
        return TermList.isHeap(tokens, from, to)
                || TermList.isBareList(tokens, Segmenter.clauses(text, sentence).size(), from, to)
                || fragments && words(text, sentence.start(), sentence.end()) <= FRAGMENT_WORDS;
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
