package dev.grader.rubric;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.grader.Api;
import java.util.List;
import java.util.Objects;

/**
 * One question of a rubric.
 *
 * @param id              the id as written in the bank ({@code Q4}, {@code saf-10.1-TC}, ...)
 * @param level           the seniority level heading it sits under, or {@code null}
 * @param prompt          the question as asked
 * @param modelAnswer     the model answer in prose (code excluded)
 * @param acceptedAnswers other reference answers that also earn full credit
 * @param expectedPoints  how many key points a full answer needs when the question asks for "at least N"
 *                        of a longer list; {@code null} means all of them
 * @param keyPoints       the atomic claims a grader ticks
 * @param misconceptions  known wrong claims, with corrections
 * @param followUps       probes to ask next, linked to the key points they test
 * @param notes           other labelled paragraphs (Fix, Pitfall, ...), context for humans and LLM judges
 * @param code            code shown with the question or its answer; context only, never a key point
 */
@Api(status = Api.Status.STABLE)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Question(
        String id,
        String level,
        String prompt,
        String modelAnswer,
        List<String> acceptedAnswers,
        Integer expectedPoints,
        List<KeyPoint> keyPoints,
        List<Misconception> misconceptions,
        List<FollowUp> followUps,
        List<Note> notes,
        List<CodeBlock> code) {

    public Question {
        Objects.requireNonNull(id, "id");
        prompt = Objects.requireNonNullElse(prompt, "");
        modelAnswer = Objects.requireNonNullElse(modelAnswer, "");
        acceptedAnswers = copy(acceptedAnswers);
        keyPoints = copy(keyPoints);
        misconceptions = copy(misconceptions);
        followUps = copy(followUps);
        notes = copy(notes);
        code = copy(code);
    }

    /** Key points that take part in grading: suggestions awaiting review are left out. */
    @JsonIgnore
    public List<KeyPoint> gradedKeyPoints() {
        return keyPoints.stream().filter(k -> !Origin.isSuggested(k.origin())).toList();
    }

    /** Misconceptions that take part in grading. */
    @JsonIgnore
    public List<Misconception> gradedMisconceptions() {
        return misconceptions.stream().filter(m -> !Origin.isSuggested(m.origin())).toList();
    }

    /** Follow-ups that may be asked. */
    @JsonIgnore
    public List<FollowUp> gradedFollowUps() {
        return followUps.stream().filter(f -> !Origin.isSuggested(f.origin())).toList();
    }

    /** The sum of graded key point weights. */
    @JsonIgnore
    public double totalWeight() {
        return gradedKeyPoints().stream().mapToDouble(KeyPoint::weight).sum();
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
