package dev.grader.compile;

import dev.grader.Api;
import dev.grader.internal.Hashing;
import dev.grader.text.GenericWords;
import dev.grader.text.Token;
import dev.grader.text.Tokenizer;
import java.util.Locale;

/**
 * Content-derived ids: {@code Q1-k-accept-loop-server-serve-0805}. Both parts depend only on the question id
 * and the entry's own text, so an id survives recompiles and edits elsewhere in the bank: the slug (its first
 * salient words) keeps it readable, the hash of the normalised text keeps it unique. Tools that add entries to a
 * rubric (LLM suggestions) use the same scheme, so an accepted entry keeps its id when the bank is recompiled.
 *
 * <p>The scheme is part of the rubric format.
 */
@Api(status = Api.Status.STABLE)
public final class Ids {

    /** Kind letter of key points. */
    public static final char KEY_POINT = 'k';
    /** Kind letter of misconceptions. */
    public static final char MISCONCEPTION = 'm';
    /** Kind letter of follow-ups. */
    public static final char FOLLOW_UP = 'f';

    private static final int SLUG_WORDS = 4;
    private static final int SLUG_CHARS = 36;

    private Ids() {
    }

    /**
     * @param questionId the question the entry belongs to
     * @param kind       {@link #KEY_POINT}, {@link #MISCONCEPTION} or {@link #FOLLOW_UP}
     * @param text       the entry's text
     */
    public static String of(String questionId, char kind, String text) {
        String normalized = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        String hash = Hashing.sha256(questionId + "\n" + kind + "\n" + normalized).substring(0, 4);
        String slug = slug(text);
        return questionId + "-" + kind + (slug.isEmpty() ? "" : "-" + slug) + "-" + hash;
    }

    /** The first few content words in order, everyday words skipped when there are enough others. */
    private static String slug(String text) {
        StringBuilder out = new StringBuilder();
        int words = 0;
        for (int pass = 0; pass < 2 && words < SLUG_WORDS; pass++) {
            for (Token t : Tokenizer.tokenize(text)) {
                boolean generic = GenericWords.isGeneric(t.stem());
                if (!t.content() || (pass == 0) == generic || words >= SLUG_WORDS) {
                    continue;
                }
                String w = t.lower().replaceAll("[^a-z0-9]+", "");
                if (w.isEmpty() || out.length() + w.length() + 1 > SLUG_CHARS) {
                    continue;
                }
                out.append(out.length() > 0 ? "-" : "").append(w);
                words++;
            }
        }
        return out.toString();
    }
}
