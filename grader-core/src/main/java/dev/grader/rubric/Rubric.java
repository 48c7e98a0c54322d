package dev.grader.rubric;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.grader.Api;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A compiled rubric: the grading sheet for every question of one bank.
 *
 * @param formatVersion version of the rubric JSON format ({@link #FORMAT_VERSION}); readers refuse newer ones
 * @param id            a stable identifier, derived from the bank's file name
 * @param title         a human title (the bank's first line)
 * @param description   optional free text under the title
 * @param source        where the rubric was compiled from
 * @param questions     the questions, in bank order
 */
@Api(status = Api.Status.STABLE)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rubric(
        int formatVersion,
        String id,
        String title,
        String description,
        RubricSource source,
        List<Question> questions) {

    /** The rubric format this library writes and reads. */
    public static final int FORMAT_VERSION = 1;

    public Rubric {
        Objects.requireNonNull(id, "id");
        title = title == null ? id : title;
        questions = List.copyOf(Objects.requireNonNullElse(questions, List.of()));
    }

    /** The question with this id, if any (ids are compared exactly, as written in the bank). */
    public Optional<Question> question(String questionId) {
        return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
    }

    /** Question ids in bank order, for messages that list the valid choices. */
    public List<String> questionIds() {
        return questions.stream().map(Question::id).toList();
    }
}
