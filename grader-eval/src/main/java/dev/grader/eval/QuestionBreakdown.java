package dev.grader.eval;

import dev.grader.Api;

/**
 * Agreement on the answers to one question.
 *
 * @param question      the question id
 * @param n             graded answers to it
 * @param meanGold      mean gold fraction (score / scale)
 * @param meanPredicted mean predicted score
 * @param pearson       correlation of predicted score and gold fraction; NaN when undefined (fewer than two
 *                      answers, or all of them graded alike)
 */
@Api(status = Api.Status.EXPERIMENTAL)
public record QuestionBreakdown(String question, int n, double meanGold, double meanPredicted, double pearson) {
}
