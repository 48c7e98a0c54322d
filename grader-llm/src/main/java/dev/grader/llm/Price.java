package dev.grader.llm;

import dev.grader.Api;

/**
 * What a model costs, in US dollars per million tokens.
 *
 * @param inputPerMillion  prompt tokens
 * @param outputPerMillion completion tokens
 */
@Api(status = Api.Status.STABLE)
public record Price(double inputPerMillion, double outputPerMillion) {

    public Price {
        if (!(inputPerMillion >= 0) || !(outputPerMillion >= 0) || Double.isInfinite(inputPerMillion)
                || Double.isInfinite(outputPerMillion)) {
            throw new IllegalArgumentException("prices must be finite numbers of at least 0, found input "
                    + inputPerMillion + ", output " + outputPerMillion);
        }
    }

    /** The cost of a request. */
    public double cost(long inputTokens, long outputTokens) {
        return (inputTokens * inputPerMillion + outputTokens * outputPerMillion) / 1_000_000d;
    }
}
