package dev.grader.rubric;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.grader.Api;
import java.util.List;
import java.util.Objects;

/**
 * An atomic claim a correct answer makes.
 *
 * @param id      unique in the rubric, derived from the claim's content so it survives recompiles
 * @param text    the claim, as a grader would read it on a grading sheet
 * @param weight  relative weight, greater than zero
 * @param terms   salient words and code identifiers a correct answer must relate
 * @param aliases accepted paraphrases of the whole claim
 * @param origin  {@code null} for compiled or hand-written points, {@code "suggested"} for unreviewed
 *                LLM suggestions (ignored by grading until accepted)
 */
@Api(status = Api.Status.STABLE)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyPoint(String id, String text, double weight, List<String> terms, List<String> aliases, String origin) {

    public KeyPoint {
        Objects.requireNonNull(id, "id");
        text = Objects.requireNonNullElse(text, "");
        terms = terms == null ? List.of() : List.copyOf(terms);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** A compiled key point (no origin marker). */
    public KeyPoint(String id, String text, double weight, List<String> terms, List<String> aliases) {
        this(id, text, weight, terms, aliases, null);
    }
}
