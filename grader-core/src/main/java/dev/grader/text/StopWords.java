package dev.grader.text;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.snowball.SnowballFilter;

/**
 * Snowball's English stop words (shipped with Lucene) minus the words that carry the claims graders care
 * about: negators ({@code not}, {@code never}, ...) and quantifiers or order words ({@code only}, {@code each},
 * {@code before}, ...).
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

    private static final Set<String> WORDS = load();

    private StopWords() {
    }

    public static boolean isStopWord(String lower) {
        return WORDS.contains(lower);
    }

    private static Set<String> load() {
        try (Reader reader = new InputStreamReader(
                SnowballFilter.class.getResourceAsStream("english_stop.txt"), StandardCharsets.UTF_8)) {
            CharArraySet snowball = WordlistLoader.getSnowballWordSet(reader);
            Set<String> words = new HashSet<>();
            for (Object w : snowball) {
                words.add(new String((char[]) w));
            }
            words.removeAll(KEPT);
            words.removeIf(Negation::isCue);
            words.addAll(EXTRA);
            return Set.copyOf(words);
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("Snowball English stop list missing from Lucene", e));
        }
    }
}
