package dev.grader.batch;

import dev.grader.Grader;
import dev.grader.internal.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the cohort reports — {@code summary.csv}, {@code report.html}, {@code summary.json} — each atomically.
 * The HTML report reads every candidate's result from disk again while it writes its details.
 */
final class CohortReports {

    private CohortReports() {
    }

    /**
     * Writes the three reports; one that cannot be written is recorded in {@code failures} and the others are
     * still tried (a full device may have room for a small one). A report not written keeps its previous version.
     */
    static void write(OutputLayout layout, Grader grader, boolean anonymized, boolean judgeSettings,
                      Assignment assignment, Cohort cohort, List<BatchProblem> problems, List<SkippedInput> skipped,
                      SummaryJson.Run run, OutputFailures failures) {
        write(layout.summaryCsv(), () -> AtomicFiles.writeText(layout.summaryCsv(),
                out -> SummaryCsv.write(out, cohort)), failures);
        HtmlReport.Header header = new HtmlReport.Header(grader.rubric().title(), grader.rubric().id(),
                judgeSettings ? JudgeWords.withSettings(grader.judge().info()) : JudgeWords.of(grader.judge().info()),
                anonymized, questions(assignment, grader.rubric().questions().size()));
        List<BatchProblem> tableProblems = problems.stream().filter(p -> p.location() != null || p.candidate() == null)
                .toList();
        write(layout.reportHtml(), () -> AtomicFiles.writeText(layout.reportHtml(),
                out -> HtmlReport.write(out, header, cohort, tableProblems, layout::read)), failures);
        write(layout.summaryJson(), () -> AtomicFiles.writeString(layout.summaryJson(),
                SummaryJson.render(grader, anonymized, assignment, cohort, problems, skipped,
                        run.failedIf(failures.stopped()))), failures);
    }

    private static void write(Path file, BatchGrading.IoAction action, OutputFailures failures) {
        try {
            action.run();
        } catch (IOException e) {
            failures.record(file, e);
        }
    }

    /** {@code Q1, Q4, Q7 (3 of 33, the ones the submissions answer)}; null when every question is graded. */
    static String questions(Assignment assignment, int inRubric) {
        if (assignment.questions().size() == inRubric) {
            return null;
        }
        return String.join(", ", assignment.ids()) + " (" + assignment.questions().size() + " of " + inRubric
                + (assignment.fromSubmissions() ? ", the ones the submissions answer)" : ", as assigned)");
    }
}
