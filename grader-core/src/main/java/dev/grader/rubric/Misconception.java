package dev.grader.rubric;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.grader.Api;
import java.util.List;
import java.util.Objects;

/**
 * A known wrong claim.
 *
 * @param id         unique in the rubric, derived from content
 * @param text       the wrong claim as candidates state it
 * @param correction why it is wrong, shown to the candidate; may be empty
 * @param terms      salient words of the wrong claim
 * @param origin     {@code null}, or {@code "suggested"} for unreviewed LLM suggestions
 */
@Api(status = Api.Status.STABLE)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Misconception(String id, String text, String correction, List<String> terms, String origin) {

    public Misconception {
        Objects.requireNonNull(id, "id");
        text = Objects.requireNonNullElse(text, "");
        correction = Objects.requireNonNullElse(correction, "");
        terms = terms == null ? List.of() : List.copyOf(terms);
    }

    public Misconception(String id, String text, String correction, List<String> terms) {
        this(id, text, correction, terms, null);
    }
}
