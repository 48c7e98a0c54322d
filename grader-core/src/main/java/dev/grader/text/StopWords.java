package dev.grader.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Snowball's English stop words ({@code english-stop.txt} beside this class, under Snowball's BSD licence) minus
 * the words that carry the claims graders care about: negators ({@code not}, {@code never}, ...) and quantifiers
 * or order words ({@code only}, {@code each}, {@code before}, ...).
 */
public final class StopWords {

    private static final Set<String> KEPT = Set.of(
            "no", "nor", "not", "only", "each", "all", "any", "both", "before", "after", "until", "same", "more",
            "most", "few", "once", "again", "against", "off", "over", "under", "own", "very", "during", "while",
            "between", "out", "down", "up");

    private static final Set<String> EXTRA = Set.of(
            "also", "can", "may", "might", "must", "shall", "will", "just", "like", "e.g", "i.e", "etc", "via",
            "per", "get", "gets", "got", "use", "uses", "used", "using", "thing", "things", "way", "ways",
            "basically", "actually", "really", "simply", "well", "yes", "so", "something", "someone", "anything",
            "everything", "whatever", "lot", "lots", "kind", "sort", "bit", "make", "makes", "made", "let", "lets");

    private static final String SNOWBALL_LIST = "english-stop.txt";
    private static final Set<String> WORDS = load();

    private StopWords() {
    }

    public static boolean isStopWord(String lower) {
        return WORDS.contains(lower);
    }

    private static Set<String> load() {
        try (InputStream in = StopWords.class.getResourceAsStream(SNOWBALL_LIST)) {
            if (in == null) {
                throw new IOException(SNOWBALL_LIST + " is missing from the class path");
            }
            Set<String> words = snowballWords(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            words.removeAll(KEPT);
            words.removeIf(Negation::isCue);
            words.addAll(EXTRA);
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Snowball's English stop list", e);
        }
    }

    /** Snowball's list format: words separated by blanks, {@code |} starts a comment that runs to the line end. */
    static Set<String> snowballWords(String list) {
        Set<String> words = new HashSet<>();
        for (String line : list.split("\\R")) {
            int comment = line.indexOf('|');
            for (String word : (comment >= 0 ? line.substring(0, comment) : line).split("\\s+")) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
        return words;
    }
}
