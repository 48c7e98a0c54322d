package dev.grader.batch;

import dev.grader.Api;
import dev.grader.GradeReport;
import dev.grader.JudgeInfo;
import dev.grader.rubric.Question;
import dev.grader.rubric.Rubric;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The cohort page, {@code report.html}, of answers graded elsewhere (by grader-spark on a cluster, say), rendered
 * as {@code grader batch} renders its own: totals over the assigned questions, ranking, histogram, per-question
 * difficulty, most-missed key points, most common misconceptions, what could not be graded, and each candidate's
 * details. Unlike batch, it holds every report in memory: it suits cohorts of thousands of answers, not millions.
 *
 * <pre>{@code
 * CohortPage.write(out, rubric, report.audit().judge(), null,
 *         List.of(new CohortPage.Candidate("alice", List.of(new CohortPage.Answer("Q4", answer, report)), List.of(), null)),
 *         List.of());
 * }</pre>
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class CohortPage {

    private static final String SOURCE = "table";

    private CohortPage() {
    }

    /**
     * One graded answer.
     *
     * @param question the question id
     * @param text     the answer as graded
     * @param report   its report, or null when grading failed
     * @param failure  why grading failed, when {@code report} is null
     */
    public record Answer(String question, String text, GradeReport report, String failure) {

        public Answer(String question, String text, GradeReport report) {
            this(question, text, report, null);
        }

        public Answer {
            Objects.requireNonNull(question, "question");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * One candidate's answers.
     *
     * @param id         the candidate id
     * @param answers    the answers, one per question at most
     * @param notes      remarks on how the candidate's rows were read, shown in the details
     * @param unreadable why none of the candidate's rows could be graded, or null
     */
    public record Candidate(String id, List<Answer> answers, List<String> notes, String unreadable) {

        public Candidate {
            Objects.requireNonNull(id, "id");
            answers = List.copyOf(answers);
            notes = notes == null ? List.of() : List.copyOf(notes);
        }
    }

    /**
     * Writes the page.
     *
     * @param judge       the judge that graded, as reports name it in {@code audit.judge}
     * @param questionIds the assigned questions, or null for the ones the answers answer (as batch decides)
     * @param problems    rows that could not be graded, listed on the page
     * @throws IOException when {@code out} fails
     */
    public static void write(Writer out, Rubric rubric, JudgeInfo judge, List<String> questionIds,
                             List<Candidate> candidates, List<BatchProblem> problems) throws IOException {
        Map<String, Question> questions = new HashMap<>();
        rubric.questions().forEach(q -> questions.putIfAbsent(q.id(), q));
        List<Submission> submissions = new ArrayList<>();
        Map<Submission, Map<String, Answer>> answersOf = new HashMap<>();
        for (Candidate c : candidates) {
            Map<String, Answer> byQuestion = new LinkedHashMap<>();
            c.answers().forEach(a -> byQuestion.put(a.question(), a));
            Map<String, String> texts = new LinkedHashMap<>();
            for (Question q : rubric.questions()) {
                Answer a = byQuestion.get(q.id());
                if (a != null && !a.text().isBlank()) {
                    texts.putIfAbsent(q.id(), a.text());
                }
            }
            Submission s = new TableSubmission(c.id(), SOURCE, c.unreadable() == null
                    ? new ParsedSubmission(texts, c.notes()) : null, c.unreadable(), new byte[0]);
            submissions.add(s);
            answersOf.put(s, byQuestion);
        }
        List<Planned> plan = BatchGrading.plan(submissions, null);
        Assignment assignment = questionIds != null ? Assignment.chosen(rubric, questionIds)
                : Assignment.answeredIn(rubric, plan, null);
        Cohort cohort = new Cohort(assignment.questions());
        Map<String, CandidateResult> results = new HashMap<>();
        for (Planned p : plan) {
            TableSubmission s = (TableSubmission) p.submission();
            if (s.unreadable() != null) {
                cohort.addUngraded(p, CohortRow.UNREADABLE, s.unreadable());
                continue;
            }
            Map<String, Answer> byQuestion = answersOf.get(s);
            CandidateGrader assemble = new CandidateGrader((id, text) -> report(byQuestion.get(id)), rubric.id(),
                    assignment, () -> false);
            CandidateResult result;
            try {
                result = assemble.grade(p, s.parsed(), "");
            } catch (RuntimeException e) { // no answer of the candidate could be graded
                cohort.addUngraded(p, CohortRow.FAILED, "grading failed: " + e.getMessage());
                continue;
            }
            cohort.add(p, result);
            results.put(p.file(), result);
        }
        HtmlReport.Header header = new HtmlReport.Header(rubric.title(), rubric.id(), JudgeWords.of(judge), false,
                CohortReports.questions(assignment, rubric.questions().size()));
        HtmlReport.write(out, header, cohort, List.copyOf(problems), results::get);
    }

    private static GradeReport report(Answer a) {
        if (a == null || a.report() == null) {
            throw new IllegalStateException(a == null || a.failure() == null ? "no report" : a.failure());
        }
        return a.report();
    }
}
