/**
 * Agreement between grader and human grades: gold answers, agreement metrics, per-question, per-kind and
 * per-label breakdowns, and the {@link dev.grader.eval.Evaluation} runner behind {@code grader eval}.
 *
 * <p>Nothing here knows about terminals; the CLI draws progress and tables.
 */
package dev.grader.eval;
