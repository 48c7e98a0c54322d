package dev.grader.examples;

import dev.grader.Api;
import dev.grader.judge.SentenceEncoder;
import dev.grader.text.Segmenter;
import dev.grader.text.Span;
import dev.grader.text.Token;
import dev.grader.text.Tokenizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The graded examples of one question, ready to be searched by nearness in meaning: by sentence embeddings when
 * an encoder is given, otherwise by shared words (stems weighted by their rarity among the examples). A text's
 * meaning is the mean of its sentences' vectors: the offline judge has embedded an answer's sentences already,
 * so an encoder that remembers recent texts gives them again for free. Examples' vectors are computed once, when
 * the index is built.
 *
 * <p>Immutable and thread-safe.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class ExampleIndex {

    /** An example and how near it is to the text searched for. */
    public record Hit(int index, GradedExample example, double similarity) {
    }

    private final List<GradedExample> examples;
    private final SentenceEncoder encoder;
    private final List<float[]> embedded;
    private final List<List<float[]>> sentenceVectors;
    private final List<Map<String, Integer>> words;
    private final Map<String, Double> idf;

    /**
     * @param encoder sentence encoder, or null to compare words
     */
    public ExampleIndex(List<GradedExample> examples, SentenceEncoder encoder) {
        this.examples = List.copyOf(Objects.requireNonNull(examples, "examples"));
        this.encoder = encoder;
        if (encoder != null) {
            List<List<String>> sentences = this.examples.stream().map(e -> sentencesOf(e.answer())).toList();
            List<float[]> vectors = encoder.encode(sentences.stream().flatMap(List::stream).toList());
            List<float[]> means = new ArrayList<>();
            List<List<float[]>> bySentence = new ArrayList<>();
            int at = 0;
            for (List<String> one : sentences) {
                bySentence.add(List.copyOf(vectors.subList(at, at + one.size())));
                means.add(mean(vectors.subList(at, at + one.size())));
                at += one.size();
            }
            this.embedded = List.copyOf(means);
            this.sentenceVectors = List.copyOf(bySentence);
            this.words = List.of();
            this.idf = Map.of();
        } else {
            this.embedded = List.of();
            this.sentenceVectors = List.of();
            List<Map<String, Integer>> w = new ArrayList<>();
            Map<String, Integer> df = new HashMap<>();
            for (GradedExample e : this.examples) {
                Map<String, Integer> counts = counts(e.answer());
                w.add(counts);
                counts.keySet().forEach(s -> df.merge(s, 1, Integer::sum));
            }
            this.words = List.copyOf(w);
            Map<String, Double> inverse = new HashMap<>();
            df.forEach((s, n) -> inverse.put(s, Math.log(1.0 + this.examples.size() / (double) n)));
            this.idf = Map.copyOf(inverse);
        }
    }

    public List<GradedExample> examples() {
        return examples;
    }

    /** A text in the form the index compares: pass it to {@link #nearest(Object, int, int)}. */
    public Object vector(String text) {
        // answers do not recur: the encoder need not keep them
        return encoder != null ? mean(encoder.encodeUncached(sentencesOf(text))) : counts(text);
    }

    /** The vector of a text whose sentence vectors ({@link #sentenceVectors(String)}) are at hand. */
    public Object vector(String text, List<float[]> sentenceVectors) {
        return encoder != null ? mean(sentenceVectors) : counts(text);
    }

    /** The vectors of a text's sentences, or empty without an encoder. */
    public List<float[]> sentenceVectors(String text) {
        return encoder != null ? encoder.encodeUncached(sentencesOf(text)) : List.of();
    }

    /** The vectors of example {@code i}'s sentences, or empty without an encoder. */
    public List<float[]> sentenceVectorsOf(int i) {
        return encoder != null ? sentenceVectors.get(i) : List.of();
    }

    /** As many sentences as the offline judge embeds, each as it embeds them. */
    private static final int MAX_SENTENCES = 64;

    /** A text's sentences as the index embeds them: the offline judge's, at most {@value #MAX_SENTENCES}. */
    public static List<String> sentencesOf(String text) {
        List<String> out = new ArrayList<>();
        for (Span s : Segmenter.sentences(text)) {
            if (out.size() < MAX_SENTENCES) {
                out.add(text.substring(s.start(), s.end()));
            }
        }
        return out.isEmpty() ? List.of(text) : out;
    }

    /** The unit-length mean of unit vectors. */
    private static float[] mean(List<float[]> vectors) {
        if (vectors.size() == 1) {
            return vectors.get(0);
        }
        float[] sum = new float[vectors.get(0).length];
        for (float[] v : vectors) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += v[i];
            }
        }
        double norm = 0;
        for (float x : sum) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] /= (float) norm;
            }
        }
        return sum;
    }

    /** The vector of example {@code i}. */
    public Object vectorOf(int i) {
        return encoder != null ? embedded.get(i) : words.get(i);
    }

    /**
     * The examples nearest a vector, nearest first (ties by file order), at most {@code k}, leaving out example
     * {@code skip} (none when negative).
     */
    public List<Hit> nearest(Object vector, int k, int skip) {
        List<Hit> all = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            if (i != skip) {
                all.add(new Hit(i, examples.get(i), similarity(vector, i)));
            }
        }
        all.sort((a, b) -> a.similarity() != b.similarity() ? Double.compare(b.similarity(), a.similarity())
                : Integer.compare(a.index(), b.index()));
        return List.copyOf(all.subList(0, Math.min(k, all.size())));
    }

    /** How near a vector is to example {@code i}: a cosine, -1..1. */
    @SuppressWarnings("unchecked")
    public double similarity(Object vector, int i) {
        if (encoder != null) {
            return SentenceEncoder.cosine((float[]) vector, embedded.get(i));
        }
        return cosine((Map<String, Integer>) vector, words.get(i));
    }

    /** What nearness is measured with: the encoder's name, or {@code words}. */
    public String measure() {
        return encoder == null ? "words" : encoder.name();
    }

    private double cosine(Map<String, Integer> x, Map<String, Integer> y) {
        double dot = 0;
        double nx = 0;
        double ny = 0;
        for (Map.Entry<String, Integer> e : x.entrySet()) {
            double w = e.getValue() * idf.getOrDefault(e.getKey(), 1.0);
            nx += w * w;
            Integer other = y.get(e.getKey());
            if (other != null) {
                dot += w * other * idf.getOrDefault(e.getKey(), 1.0);
            }
        }
        for (Map.Entry<String, Integer> e : y.entrySet()) {
            double w = e.getValue() * idf.getOrDefault(e.getKey(), 1.0);
            ny += w * w;
        }
        return nx == 0 || ny == 0 ? 0 : dot / Math.sqrt(nx * ny);
    }

    private static Map<String, Integer> counts(String text) {
        Map<String, Integer> counts = new HashMap<>();
        for (Token t : Tokenizer.tokenize(text)) {
            if (t.content()) {
                counts.merge(t.stem(), 1, Integer::sum);
            }
        }
        return counts;
    }
}
