package dev.grader.llm;

import dev.grader.internal.Hashing;
import dev.grader.text.GenericWords;
import dev.grader.text.Token;
import dev.grader.text.Tokenizer;
import java.util.Locale;

/**
 * Content-derived ids for suggested entries, the same scheme as the compiler's ({@code dev.grader.compile.Ids},
 * package-private there): {@code <question>-<kind>-<first salient words>-<4 hex of sha256>}, so a suggestion
 * accepted into the bank and recompiled keeps its id.
 */
final class SuggestionIds {

    private static final int SLUG_WORDS = 4;
    private static final int SLUG_CHARS = 36;

    private SuggestionIds() {
    }

    static String of(String questionId, char kind, String text) {
        String normalized = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        String hash = Hashing.sha256(questionId + "\n" + kind + "\n" + normalized).substring(0, 4);
        String slug = slug(text);
        return questionId + "-" + kind + (slug.isEmpty() ? "" : "-" + slug) + "-" + hash;
    }

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
