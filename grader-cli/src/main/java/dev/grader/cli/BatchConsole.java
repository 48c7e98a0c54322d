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
 * graded on standard error (file and reason), then on standard output what was graded and skipped, how to finish
 * an interrupted or stopped run, and where the reports are.
 */
final class BatchConsole {

    private BatchConsole() {
    }

    /**
     * @param questionsInRubric how many questions the rubric has
     * @param resume the command that finishes an interrupted or stopped run, or null when it is the same command
     *               (a run without {@code --force}: running it again skips what is done)
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
        // --force starts over: what finishes a run, or regrades only the provisional candidates, is the command
        // without it
        String again = resume == null ? "run the same command again" : "run it again without --force";
        BatchResult.Provisional provisional = r.provisional();
        if (provisional.candidates() > 0) {
            err.println("grader: " + provisional.answers() + " " + plural(provisional.answers(), "answer") + " of "
                    + provisional.candidates() + " " + plural(provisional.candidates(), "candidate") + " fell back to "
                    + "the offline judge (" + provisional.reason() + "): their grades are provisional; " + again
                    + " to grade exactly them once the model can be reached or the budget allows.");
        }
        if (r.outputFailed()) {
            err.println("grader: " + r.failedWrite() + (r.failedWrites() > 1 ? " (and " + (r.failedWrites() - 1)
                    + " more failed " + plural(r.failedWrites() - 1, "write") + ")" : "") + "; stopped: "
                    + r.pending() + " " + plural(r.pending(), "candidate") + " not graded yet. What is saved is "
                    + "complete: " + (r.failedWrite().contains("No space left") ? "free space" : "fix that")
                    + " and " + again + " to finish.");
        }
        err.flush();
        out.println(String.format(Locale.ROOT, "Graded %d %s (%d %s) in %s.", r.graded(),
                plural(r.graded(), "candidate"), r.answers(), plural(r.answers(), "answer"), clock(elapsed)));
        if (r.provisional().regraded() > 0) {
            int n = r.provisional().regraded();
            out.println(n + (n == 1 ? " of them was" : " of them were") + " graded again because "
                    + (n == 1 ? "its grades were" : "their grades were")
                    + " provisional (the offline judge had decided for the model).");
        }
        if (r.changed() > 0) {
            int n = r.changed();
            out.println(n + (n == 1 ? " of them was" : " of them were") + " graded again because "
                    + (n == 1 ? "its submission" : "their submissions") + " or the grading changed since the last "
                    + "run (rubric, judge or its options such as --no-examples and --no-embeddings, graded examples, "
                    + "scoring, questions or grader's version): a grade is reused only under the same settings.");
        }
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
            out.println(n + (n == 1 ? " file was" : " files were") + " skipped (" + kinds(r) + "): see above "
                    + "and summary.json.");
        }
        if (r.hasProblems()) {
            int n = r.problems().size();
            out.println(n + (n == 1 ? " submission or row" : " submissions or rows")
                    + " could not be graded: see above and summary.json.");
        }
        if (r.interrupted() || r.outputFailed()) {
            int done = r.candidates() - r.pending() - r.unreadable() - r.failed();
            out.println((r.interrupted() ? "Interrupted: " : "Stopped: ") + done + " of " + r.candidates() + " "
                    + plural(r.candidates(), "candidate") + " are done and saved; " + r.pending()
                    + " not graded yet. " + (resume == null ? "Run the same command again to finish."
                    : "To finish, run it without --force (which starts over):\n  " + resume));
        }
        Path dir = r.outputDir();
        out.println("Reports" + (r.outputFailed() ? " (those that could be written)" : "") + ": " + r.reportHtml() + ", "
                + r.summaryCsv() + ", " + r.summaryJson() + "; per candidate: " + dir.resolve("candidates")
                + "/NAME.md and NAME.json.");
        if (anonymized) {
            out.println("Pseudonyms: " + r.anonymizationMap() + " maps them back to candidates; keep it away from "
                    + "reviewers.");
        }
        out.flush();
    }

    /** {@code hidden or editor backups}, {@code given twice}, ...: what the skipped files were, as a phrase. */
    private static String kinds(BatchResult r) {
        java.util.Set<String> kinds = new java.util.LinkedHashSet<>();
        for (SkippedInput s : r.skipped()) {
            kinds.add(switch (s.kind()) {
                case HIDDEN, BACKUP -> "hidden or editor backups";
                case SPECIAL, BROKEN_LINK -> "not regular files";
                case REPEAT -> "given twice";
            });
        }
        return String.join("; ", kinds);
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
