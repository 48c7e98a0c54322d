package dev.grader.rubric;

import dev.grader.Api;

/** Values of the {@code origin} field on key points, misconceptions and follow-ups. */
@Api(status = Api.Status.STABLE)
public final class Origin {
    /** Proposed by an LLM and not yet reviewed: linted, shown, never graded. */
    public static final String SUGGESTED = "suggested";

    private Origin() {
    }

    public static boolean isSuggested(String origin) {
        return SUGGESTED.equals(origin);
    }
}
