package dev.grader.rubric;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.grader.Api;
import java.util.List;
import java.util.Objects;

/**
 * A follow-up question for a live round.
 *
 * @param id       unique in the rubric, derived from content
 * @param question the probe as asked
 * @param answer   its model answer, may be empty
 * @param probes   ids of the key points of the same question that this follow-up tests
 * @param origin   {@code null}, or {@code "suggested"} for unreviewed LLM suggestions
 */
@Api(status = Api.Status.STABLE)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FollowUp(String id, String question, String answer, List<String> probes, String origin) {

    public FollowUp {
        Objects.requireNonNull(id, "id");
        question = Objects.requireNonNullElse(question, "");
        answer = Objects.requireNonNullElse(answer, "");
        probes = probes == null ? List.of() : List.copyOf(probes);
    }

    public FollowUp(String id, String question, String answer, List<String> probes) {
        this(id, question, answer, probes, null);
    }
}
