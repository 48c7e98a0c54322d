package dev.grader.match;

import java.util.List;

/**
 * Turns sentences into unit-length vectors whose dot product measures how close their meanings are.
 * Implementations must be thread-safe.
 */
public interface SentenceEncoder {

    /** One unit vector per text, in order. */
    List<float[]> encode(List<String> texts);

    /** A name for audit trails, such as {@code all-minilm-l6-v2-q}. */
    String name();

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
