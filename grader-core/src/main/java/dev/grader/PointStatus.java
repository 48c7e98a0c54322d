package dev.grader;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How an answer fares on one key point.
 */
@Api(status = Api.Status.STABLE)
public enum PointStatus {
    /** The answer states the claim. */
    COVERED,
    /** The answer states part of the claim, or states it vaguely. */
    PARTIAL,
    /** The answer does not address the claim. */
    MISSED,
    /** The answer states the opposite of the claim; it costs points. */
    CONTRADICTED;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PointStatus parse(String label) {
        return valueOf(label.trim().toUpperCase(Locale.ROOT));
    }
}
