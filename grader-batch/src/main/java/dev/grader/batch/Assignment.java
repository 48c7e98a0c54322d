package dev.grader.batch;

import dev.grader.InvalidInputException;
import dev.grader.rubric.Question;
import dev.grader.rubric.Rubric;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The questions a cohort was assigned: a take-home usually asks a few of a rubric's questions, and a candidate's
 * total, the ranking and every cohort statistic count those only. Chosen by the caller, or else the questions
 * that at least one submission answers; an assigned question that a candidate left out counts 0 for them.
 *
 * @param questions       the assigned questions, in rubric order
 * @param fromSubmissions whether they were found in the submissions rather than chosen
 */
record Assignment(List<Question> questions, boolean fromSubmissions) {

    Assignment {
        questions = List.copyOf(questions);
    }

    List<String> ids() {
        return questions.stream().map(Question::id).toList();
    }

    /** The rubric's questions with these ids, in rubric order. */
    static Assignment chosen(Rubric rubric, List<String> ids) {
        Set<String> wanted = new HashSet<>(ids);
        for (String id : ids) {
            if (!rubric.questionIds().contains(id)) {
                throw new InvalidInputException("rubric " + rubric.id(), null, "unknown question '" + id
                        + "' among the assigned questions");
            }
        }
        return new Assignment(rubric.questions().stream().filter(q -> wanted.contains(q.id())).toList(), false);
    }

    /**
     * The questions answered by at least one submission of the plan, in rubric order; every question of the
     * rubric when none answers any (then every submission is unreadable, and the reports say why). Submissions
     * that cannot be read are left out here: grading reports them.
     */
    static Assignment answeredIn(Rubric rubric, List<Planned> plan, SubmissionParser parser) {
        Set<String> answered = new HashSet<>();
        for (Planned p : plan) {
            if (answered.size() == rubric.questions().size()) {
                break;
            }
            try {
                answered.addAll(p.submission().read(p.submission().content(), parser).answers().keySet());
            } catch (UnreadableSubmissionException | IOException e) {
                // reported with its reason when the candidate is graded
            }
        }
        List<Question> questions = rubric.questions().stream().filter(q -> answered.contains(q.id())).toList();
        return new Assignment(questions.isEmpty() ? rubric.questions() : questions, true);
    }
}
