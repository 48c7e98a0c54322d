/**
 * Batch grading of written take-homes: a folder of submissions (one file per candidate) or a JSONL / CSV table
 * of answers in, per-candidate feedback (Markdown, JSON) and cohort reports ({@code summary.csv},
 * {@code summary.json}, a self-contained {@code report.html}) out.
 *
 * <p>Entry point: {@link dev.grader.batch.BatchGrading}. Grading is parallel and resumable: every candidate's
 * result is written atomically when it is done, and a rerun skips candidates whose submission, rubric and judge
 * settings are unchanged. Cohort reports are rebuilt from the per-candidate files on disk, one file at a time,
 * so memory does not grow with the cohort.
 *
 * <p>Nothing here knows about terminals: progress goes to a {@link dev.grader.batch.BatchProgress} callback
 * and the CLI draws it.
 */
package dev.grader.batch;
