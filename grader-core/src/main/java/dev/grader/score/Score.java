package dev.grader.score;

import dev.grader.Api;
import dev.grader.Verdict;

/**
 * The outcome of scoring one assessment.
 *
 * @param points    points earned after penalties, 0..maxPoints
 * @param maxPoints points a full answer earns
 * @param score     points / maxPoints, 0..1
 * @param verdict   the overall verdict
 */
@Api(status = Api.Status.EXPERIMENTAL)
public record Score(double points, double maxPoints, double score, Verdict verdict) {
}
