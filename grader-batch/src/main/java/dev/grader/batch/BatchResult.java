package dev.grader.batch;

import dev.grader.Api;
import java.nio.file.Path;
import java.util.List;

/**
 * What a batch run did and where its reports are.
 *
 * @param outputDir   the output folder
 * @param candidates  candidates in the cohort (every submission found)
 * @param graded      candidates graded by this run
 * @param reused      candidates skipped because their result on disk was up to date
 * @param unreadable  submissions that could not be read (binary, not UTF-8, empty, no recognisable answers)
 * @param failed      submissions whose grading failed (a judge error)
 * @param pending     candidates without a result because the run was cancelled
 * @param answers     answers graded by this run
 * @param llmCalls    model calls made by this run
 * @param tokens      prompt and completion tokens of this run
 * @param costUsd     estimated cost of this run
 * @param interrupted whether the run was cancelled before every candidate was done
 * @param problems    unreadable submissions, bad table rows and failures, with the submission's path (also under
 *                    anonymization: this is for the operator's console, not for reviewers)
 * @param skipped     inputs left out on purpose (hidden files, editor backups and special files in folders,
 *                    files given twice), with the reason
 * @param failedWrites files of the output that could not be written (the run stopped at the first)
 * @param failedWrite  the first of them and why ({@code out/candidates/c17.md: No space left on device}), or null
 * @param provisional  grades that fell back to the offline judge because the model could not be used
 * @param questions   the ids of the questions graded and counted in the totals (the assigned ones)
 * @param questionsFromSubmissions whether those are the questions the submissions answer (none were chosen)
 * @param notGraded   per question, the answers whose grading failed and the first reason; they count neither in
 *                    the totals nor in the maximum
 * @param examplesPicked answers written to {@code examplesFile} for a person to grade ({@code --pick-examples}), 0
 *                       when none were asked for
 * @param examplesFile   where they were written: {@code examples-to-grade.csv}, or {@code examples-to-grade-2.csv}
 *                       and so on when an earlier file already holds scores; null when none were picked
 * @param changed        candidates with a result of an earlier run that this run graded again because their
 *                       submission or what grading depends on changed (rubric, judge and its settings, graded
 *                       examples, scoring, questions, grader's version); 0 under {@code --force}
 */
@Api(status = Api.Status.EXPERIMENTAL)
public record BatchResult(
        Path outputDir,
        int candidates,
        int graded,
        int reused,
        int unreadable,
        int failed,
        int pending,
        int answers,
        int llmCalls,
        long tokens,
        double costUsd,
        boolean interrupted,
        List<BatchProblem> problems,
        List<SkippedInput> skipped,
        int failedWrites,
        String failedWrite,
        Provisional provisional,
        List<String> questions,
        boolean questionsFromSubmissions,
        List<NotGraded> notGraded,
        int examplesPicked,
        Path examplesFile,
        int changed) {

    public BatchResult {
        problems = List.copyOf(problems);
        skipped = List.copyOf(skipped);
        questions = List.copyOf(questions);
        notGraded = List.copyOf(notGraded);
    }

    /**
     * Grades of the cohort that are provisional: a model was configured, but the offline judge decided some
     * answers (the model timed out, failed, or the call budget was spent). A rerun grades these candidates
     * again, and only these, until the model decides.
     *
     * @param candidates candidates with at least one such answer
     * @param answers    such answers
     * @param regraded   provisional candidates of an earlier run that this run graded again
     * @param reason     why the first of them fell back ({@code call budget of 5 requests exhausted}), or null
     */
    public record Provisional(int candidates, int answers, int regraded, String reason) {
    }

    /** Whether some of the output could not be written: the run stopped early; a rerun finishes it. */
    public boolean outputFailed() {
        return failedWrites > 0;
    }

    /**
     * Answers to one question whose grading failed.
     *
     * @param question the question id
     * @param answers  how many answers were not graded
     * @param reason   the first failure
     */
    public record NotGraded(String question, int answers, String reason) {

        /** {@code question Q7: 3 answers not graded: grading failed: ...}. */
        public String message() {
            return "question " + question + ": " + answers + (answers == 1 ? " answer" : " answers")
                    + " not graded: " + reason;
        }
    }

    /** Whether grading failed for some answers (a question that cannot be graded). */
    public boolean hasUngradedAnswers() {
        return !notGraded.isEmpty();
    }

    /** Whether something could not be graded (an unreadable file, a bad row, a failure). */
    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** {@code candidates/NAME.json} and {@code .md}, one pair per graded candidate. */
    public Path candidatesDir() {
        return outputDir.resolve(OutputLayout.CANDIDATES);
    }

    public Path summaryCsv() {
        return outputDir.resolve(OutputLayout.SUMMARY_CSV);
    }

    public Path summaryJson() {
        return outputDir.resolve(OutputLayout.SUMMARY_JSON);
    }

    public Path reportHtml() {
        return outputDir.resolve(OutputLayout.REPORT_HTML);
    }

    /** The mapping of pseudonyms to candidates, present under anonymization. */
    public Path anonymizationMap() {
        return outputDir.resolve(Pseudonyms.MAP_FILE);
    }
}
