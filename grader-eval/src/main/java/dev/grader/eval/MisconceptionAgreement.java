package dev.grader.eval;

import dev.grader.Api;

/**
 * Whether the grader reports a misconception where the human noted one, for datasets with misconception notes.
 *
 * @param stated         graded answers the human noted at least one misconception in
 * @param statedReported of those, how many the grader's report lists at least one misconception for
 * @param recall         {@code statedReported / stated}; NaN when {@code stated} is 0
 * @param clean          graded answers the human noted no misconception in
 * @param cleanReported  of those, how many the grader still reports a misconception for
 * @param falseAlarmRate {@code cleanReported / clean}; NaN when {@code clean} is 0
 */
@Api(status = Api.Status.EXPERIMENTAL)
public record MisconceptionAgreement(int stated, int statedReported, double recall, int clean, int cleanReported,
                                     double falseAlarmRate) {

    /** The agreement from its four counts. */
    public static MisconceptionAgreement of(int stated, int statedReported, int clean, int cleanReported) {
        return new MisconceptionAgreement(stated, statedReported, share(statedReported, stated), clean, cleanReported,
                share(cleanReported, clean));
    }

    private static double share(int part, int whole) {
        return whole == 0 ? Double.NaN : part / (double) whole;
    }
}
