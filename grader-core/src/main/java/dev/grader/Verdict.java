package dev.grader;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The overall verdict on an answer.
 */
@Api(status = Api.Status.STABLE)
public enum Verdict {
    /** Score at or above the pass threshold. */
    CORRECT,
    /** Some credit, below the pass threshold. */
    PARTIAL,
    /** Little or no credit. */
    INCORRECT,
    /** The answer contradicts a key point or states a known misconception, and does not pass. */
    CONTRADICTORY;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Verdict parse(String label) {
        return valueOf(label.trim().toUpperCase(Locale.ROOT));
    }
}
