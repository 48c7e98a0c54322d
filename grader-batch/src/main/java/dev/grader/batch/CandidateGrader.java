package dev.grader.batch;

import dev.grader.GradeReport;
import dev.grader.Grader;
import dev.grader.batch.CandidateResult.QuestionResult;
import dev.grader.rubric.Question;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;

/**
 * Grades the answers of one submission to the assigned questions, in rubric order; an assigned question without
 * an answer is marked unanswered and not sent to the judge, an answer to a question not assigned is noted. Stops between answers when the batch is cancelled.
 */
final class CandidateGrader {

    private final BiFunction<String, String, GradeReport> grade;
    private final String rubricId;
    private final Assignment assignment;
    private final BooleanSupplier cancelled;

    CandidateGrader(Grader grader, Assignment assignment, BooleanSupplier cancelled) {
        this(grader::grade, grader.rubric().id(), assignment, cancelled);
    }

    /** Assembles results from reports graded elsewhere ({@code grade}: question id and answer to its report). */
    CandidateGrader(BiFunction<String, String, GradeReport> grade, String rubricId, Assignment assignment,
                    BooleanSupplier cancelled) {
        this.grade = grade;
        this.rubricId = rubricId;
        this.assignment = assignment;
        this.cancelled = cancelled;
    }

    /** How the submission was read, and the answers left ungraded because their question was not assigned. */
    private List<String> notes(ParsedSubmission parsed) {
        List<String> notes = new ArrayList<>(parsed.notes());
        for (String id : parsed.answers().keySet()) {
            if (!assignment.ids().contains(id)) {
                notes.add("The answer to " + id + " was not graded: " + id + " is not among the assigned questions ("
                        + String.join(", ", assignment.ids()) + ").");
            }
        }
        return notes;
    }

    /**
     * @throws CancellationException when the batch was cancelled before every answer was graded
     */
    CandidateResult grade(Planned p, ParsedSubmission parsed, String fingerprint) {
        List<QuestionResult> results = new ArrayList<>();
        Usage usage = Usage.NONE;
        RuntimeException firstFailure = null;
        int graded = 0;
        for (Question q : assignment.questions()) {
            String answer = parsed.answers().get(q.id());
            if (answer == null) {
                results.add(new QuestionResult(q.id(), q.prompt(), CandidateResult.UNANSWERED, null, null));
                continue;
            }
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("batch cancelled");
            }
            GradeReport report;
            try {
                report = grade.apply(q.id(), answer);
            } catch (RuntimeException e) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("batch cancelled");
                }
                // a question that cannot be graded must not cost the candidate the others
                results.add(new QuestionResult(q.id(), q.prompt(), CandidateResult.FAILED, answer, null,
                        "grading failed: " + describe(e)));
                firstFailure = firstFailure == null ? e : firstFailure;
                continue;
            }
            graded++;
            results.add(new QuestionResult(q.id(), q.prompt(), CandidateResult.GRADED, answer, report));
            usage = usage.plus(Usage.of(report.usage()));
        }
        if (graded == 0 && firstFailure != null) {
            throw firstFailure; // nothing of this candidate could be graded: the candidate failed, not a question
        }
        return new CandidateResult(fingerprint, CandidateResult.FORMAT, p.display(), p.file(),
                p.anonymized() ? null : p.candidateId(), rubricId, CandidateResult.Totals.of(results),
                usage, notes(parsed), results);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName()
                : message.lines().findFirst().orElse(message);
    }
}
