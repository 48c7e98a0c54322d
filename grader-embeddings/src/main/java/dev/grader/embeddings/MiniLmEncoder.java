package dev.grader.embeddings;

import dev.grader.Api;
import dev.grader.judge.SentenceEncoder;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sentence encoder all-MiniLM-L6-v2 (quantised), run in-process by ONNX Runtime: no server, no download.
 *
 * <p>The model ships inside a jar, loads on first use (about a second; its native libraries come from
 * {@link NativeLibraries}' cache directory), and vectors of texts seen before (key points, aliases) come from a
 * cache. With this module on the class path or module path the offline judge finds this encoder by itself;
 * {@code OfflineJudge.builder().encoder(MiniLmEncoder.shared())} names it explicitly. Thread-safe.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class MiniLmEncoder implements SentenceEncoder {

    private static final int MAX_CACHED = 50_000;
    private static final int MAX_CHARS = 2_000;

    private final Map<String, float[]> cache = new ConcurrentHashMap<>();
    // The latest texts encoded without caching: an answer's sentences, asked for again by grading by example
    // within the same grade. Small, and emptied when full.
    private final Map<String, float[]> recent = new ConcurrentHashMap<>();
    private static final int MAX_RECENT = 4_096;
    private volatile EmbeddingModel model;

    private static final class Shared {
        static final MiniLmEncoder INSTANCE = new MiniLmEncoder();
    }

    private MiniLmEncoder() {
    }

    /** The process-wide encoder: one model in memory however many judges use it. */
    public static MiniLmEncoder shared() {
        return Shared.INSTANCE;
    }

    @Override
    public String name() {
        return "all-minilm-l6-v2-q";
    }

    @Override
    public List<float[]> encode(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        List<String> missing = new ArrayList<>();
        for (String t : texts) {
            String key = key(t);
            float[] v = cache.get(key);
            out.add(v);
            if (v == null) {
                missing.add(key);
            }
        }
        if (missing.isEmpty()) {
            return out;
        }
        List<String> unique = missing.stream().distinct().toList();
        List<TextSegment> segments = unique.stream().map(TextSegment::from).toList();
        List<Embedding> embeddings = model().embedAll(segments).content();
        Map<String, float[]> fresh = new java.util.HashMap<>();
        for (int i = 0; i < unique.size(); i++) {
            float[] v = normalize(embeddings.get(i).vector());
            fresh.put(unique.get(i), v);
            if (cache.size() < MAX_CACHED) {
                cache.put(unique.get(i), v);
            }
        }
        for (int i = 0; i < texts.size(); i++) {
            if (out.get(i) == null) {
                out.set(i, fresh.get(key(texts.get(i))));
            }
        }
        return out;
    }

    /**
     * Answer windows are encoded without caching: only texts that recur (key points) are remembered for good, and
     * the last few thousand answer texts for a moment.
     */
    @Override
    public List<float[]> encodeUncached(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String key = key(texts.get(i));
            float[] v = cache.get(key);
            if (v == null) {
                v = recent.get(key);
            }
            out.add(v);
            if (v == null) {
                missing.add(i);
            }
        }
        if (missing.isEmpty()) {
            return out;
        }
        List<TextSegment> segments = missing.stream().map(i -> TextSegment.from(key(texts.get(i)))).toList();
        List<Embedding> embeddings = model().embedAll(segments).content();
        if (recent.size() + missing.size() > MAX_RECENT) {
            recent.clear();
        }
        for (int j = 0; j < missing.size(); j++) {
            float[] v = normalize(embeddings.get(j).vector());
            out.set(missing.get(j), v);
            recent.put(key(texts.get(missing.get(j))), v);
        }
        return out;
    }

    private EmbeddingModel model() {
        EmbeddingModel m = model;
        if (m == null) {
            synchronized (this) {
                m = model;
                if (m == null) {
                    NativeLibraries.prepare();
                    m = new MiniLmModel();
                    model = m;
                }
            }
        }
        return m;
    }

    /** Blank text cannot be embedded; long text is cut (the model reads 256 word pieces anyway). */
    private static String key(String text) {
        String t = text.isBlank() ? "-" : text.strip();
        return t.length() > MAX_CHARS ? t.substring(0, MAX_CHARS) : t;
    }

    private static float[] normalize(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            return v.clone();
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }
}
