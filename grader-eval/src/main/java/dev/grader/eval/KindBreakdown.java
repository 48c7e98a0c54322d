package dev.grader.eval;

import dev.grader.Api;

/**
 * How the grader treats one kind of answer ({@code negated}, {@code keyword-stuffing}, {@code empty}, ...),
 * for datasets whose gold says what kind each answer is.
 *
 * @param kind               the gold's {@code kind}
 * @param n                  graded answers of that kind
 * @param meanPredicted      mean predicted score
 * @param maxPredicted       highest predicted score ("every empty answer scores at most 0.1" is a bound on it)
 * @param meanGold           mean gold fraction
 * @param misconceptionShare share of these answers whose report lists at least one misconception (a rubric
 *                           misconception, or a key point the answer states the opposite of: the report lists
 *                           both)
 */
@Api(status = Api.Status.EXPERIMENTAL)
public record KindBreakdown(String kind, int n, double meanPredicted, double maxPredicted, double meanGold,
                            double misconceptionShare) {
}
