package dev.grader.cli;

import dev.grader.batch.BatchProblem;
import dev.grader.batch.BatchResult;
import dev.grader.batch.SkippedInput;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * What {@code grader batch} says at the end: one line per file skipped and per submission that could not be
 * graded on standard error (file and reason), then on standard output what was graded and skipped, how to finish an interrupted run, and
 * where the reports are.
 */
final class BatchConsole {

    private BatchConsole() {
    }

    /**
     * @param questionsInRubric how many questions the rubric has
     * @param resume the command that finishes an interrupted run, or null when it is the same command (a run
     *               without {@code --force}: running it again skips what is done)
     */
    static void report(BatchResult r, int questionsInRubric, Duration elapsed, boolean anonymized, String resume,
                       PrintWriter out, PrintWriter err) {
        for (SkippedInput s : r.skipped()) {
            err.println("grader: warning: " + s.message());
        }
        for (BatchProblem p : r.problems()) {
            err.println("grader: " + p.message());
        }
        for (BatchResult.NotGraded q : r.notGraded()) {
            err.println("grader: warning: " + q.message());
        }
        err.flush();
        out.println(String.format(Locale.ROOT, "Graded %d %s (%d %s) in %s.", r.graded(),
                plural(r.graded(), "candidate"), r.answers(), plural(r.answers(), "answer"), clock(elapsed)));
        if (r.questionsFromSubmissions() && r.questions().size() < questionsInRubric) {
            out.println("Questions: " + String.join(", ", r.questions()) + ", the ones the submissions answer ("
                    + r.questions().size() + " of " + questionsInRubric + "); totals count these only (--questions "
                    + "sets them).");
        }
        if (r.reused() > 0) {
            out.println("Skipped " + r.reused() + " " + plural(r.reused(), "candidate")
                    + " whose submission, rubric and judge settings are unchanged (--force regrades them).");
        }
        if (!r.skipped().isEmpty()) {
            int n = r.skipped().size();
            out.println(n + (n == 1 ? " file was" : " files were") + " skipped (hidden or editor backups): see above "
                    + "and summary.json.");
        }
        if (r.hasProblems()) {
            int n = r.problems().size();
            out.println(n + (n == 1 ? " submission or row" : " submissions or rows")
                    + " could not be graded: see above and summary.json.");
        }
        if (r.interrupted()) {
            int done = r.candidates() - r.pending() - r.unreadable() - r.failed();
            out.println("Interrupted: " + done + " of " + r.candidates() + " " + plural(r.candidates(), "candidate")
                    + " are done and saved; " + r.pending() + " not graded yet. " + (resume == null
                    ? "Run the same command again to finish."
                    : "To finish, run it without --force (which starts over):\n  " + resume));
        }
        Path dir = r.outputDir();
        out.println("Reports: " + r.reportHtml() + ", " + r.summaryCsv() + ", " + r.summaryJson() + "; per candidate: "
                + dir.resolve("candidates") + "/NAME.md and NAME.json.");
        if (anonymized) {
            out.println("Pseudonyms: " + r.anonymizationMap() + " maps them back to candidates; keep it away from "
                    + "reviewers.");
        }
        out.flush();
    }

    private static String plural(int n, String word) {
        return n == 1 ? word : word + "s";
    }

    /** {@code 0:07}, {@code 12:05}, {@code 1:02:09}. */
    static String clock(Duration d) {
        long seconds = Math.max(0, Math.round(d.toMillis() / 1000.0));
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s)
                : String.format(Locale.ROOT, "%d:%02d", m, s);
    }
}
