package dev.grader.judge;

import dev.grader.Api;
import java.util.List;

/**
 * Turns sentences into unit-length vectors whose dot product measures how close their meanings are.
 *
 * <p>The offline judge's semantic signal. {@code grader-embeddings} provides one (all-MiniLM-L6-v2) through
 * {@link SentenceEncoderProvider}; another model can be passed to {@link OfflineJudge.Builder#encoder}.
 * Implementations must be thread-safe.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public interface SentenceEncoder {

    /** One unit vector per text, in order; an implementation may cache vectors of texts that recur. */
    List<float[]> encode(List<String> texts);

    /**
     * One unit vector per text, for texts unlikely to recur (the windows of an answer): an implementation
     * that caches should not keep these. By default the same as {@link #encode}.
     */
    default List<float[]> encodeUncached(List<String> texts) {
        return encode(texts);
    }

    /** A name for audit trails, such as {@code all-minilm-l6-v2-q}. */
    String name();

    /** The cosine of two unit vectors: their dot product. */
    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
