package dev.grader.eval;

import static dev.grader.Verdict.CONTRADICTORY;
import static dev.grader.Verdict.CORRECT;
import static dev.grader.Verdict.PARTIAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.PointStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluationOutputTest {

    private final EvaluationResult result = Agreement.summarize("bank",
            List.of(new GoldAnswer("a", "Q1", "x", 5, 5, "correct", "full", List.of(), 1),
                    new GoldAnswer("b", "Q1", "y", 0, 5, "contradictory", "negated", List.of("says no"), 2),
                    new GoldAnswer("c", "Q2", "z", 2.5, 5, "correct", "full", List.of(), 3)),
            List.of(new Prediction("a", "Q1", 0.8, CORRECT, List.of(), Map.of()),
                    new Prediction("b", "Q1", 0.3, CONTRADICTORY, List.of("Q1-k1"), Map.of(), true),
                    new Prediction("c", "Q2", 0.4, PARTIAL, List.of(), Map.of())),
            List.of(new Skipped(Skipped.QUESTION_NOT_IN_RUBRIC, 1, List.of("Q9"))));

    /*
     * Gold fractions {1, 0, 0.5}, predicted {0.8, 0.3, 0.4}:
     * pearson 0.25 / sqrt(0.5 * 0.14); ranks agree (spearman 1);
     * grid {0, 2.5, 5}: gold grades {2, 0, 1}, predicted x 5 = {4, 1.5, 2} -> {2, 1, 1}: kappa 1 - 0.25 / 0.75;
     * errors {-1, 1.5, -0.5}: rmse sqrt(3.5 / 3), mae 1;
     * calibrated: Q1 from Q2's single point = flat 2.5 -> errors {2.5, 2.5}; Q2 from Q1's line 2x - 3 -> 1, error
     * 1.5: rmse sqrt(14.75 / 3), mae 6.5 / 3;
     * labels {correct, contradictory}: partial -> correct, so every verdict matches;
     * b flagged for review: error 0.3 against {0.2, 0.1} for the others, whose scores rank as gold does.
     */
    @Test
    void textStartsWithTheSummaryBlock() {
        String text = EvaluationText.render(result);
        assertTrue(text.startsWith("""
                rubric bank: 4 answers, 3 graded

                n               3
                pearson         0.945
                spearman        1.000
                qwk             0.667
                rmse            1.080  (gold scale 0..5)
                mae             1.000
                rmseCalibrated  2.217
                maeCalibrated   2.167
                accuracy        1.000  (3 labelled)
                macroF1         1.000
                misconceptions  reported for 1 of 1 answers that state one (100.0%); false alarms 0 of 2 (0.0%)
                needsReview     1 of 3 answers (33.3%); mean error 0.300 flagged, 0.150 others; pearson of the others 1.000
                skipped         1 answer, question not in rubric: Q9
                note: rmseCalibrated, maeCalibrated: rough (each held-out line is fitted on a few of only 3 answers)
                note: verdicts the gold labels do not use count as the nearest gold class: partial -> correct (1)
                """), text);
    }

    @Test
    void textTablesAlignTheirColumns() {
        String text = EvaluationText.render(result);
        assertTrue(text.endsWith("""

                by kind
                kind     n  mean pred  max pred  mean gold  misconception
                full     2      0.600     0.800      0.750           0.0%
                negated  1      0.300     0.300      0.000         100.0%

                by label
                label          n  mean pred  mean gold  correct  partial  incorrect  contradictory  flagged
                correct        2      0.600      0.750        1        1          0              0     0.0%
                contradictory  1      0.300      0.000        0        0          0              1   100.0%

                by question
                question  n  mean gold  mean pred  pearson
                Q1        2      0.500      0.550    1.000
                Q2        1      0.500      0.400      n/a
                """), text);
    }

    @Test
    void jsonWritesUndefinedMetricsAsNullAndKeepsVerdictOrder() {
        String json = EvaluationJson.toJson(result);
        assertTrue(json.contains("\"question\": \"Q2\",\n      \"n\": 1,\n      \"meanGold\": 0.5,\n"
                + "      \"meanPredicted\": 0.4,\n      \"pearson\": null\n"), json);
        assertTrue(json.contains("\"verdicts\": {\n        \"correct\": 1,\n        \"partial\": 1,\n"
                + "        \"incorrect\": 0,\n        \"contradictory\": 0\n      },"), json);
        assertTrue(json.contains("\"meanPredicted\": 0.6,"), "rounded to six decimals: " + json);
        assertTrue(json.contains("\"pearson\": 0.944911,"), json);
        assertTrue(json.startsWith("{\n  \"rubric\": \"bank\",\n  \"rows\": 4,\n  \"graded\": 3,\n  \"scale\": 5.0,\n"),
                json);
        assertTrue(json.endsWith("}\n"));
        assertTrue(!json.contains("NaN"), json);
        assertTrue(json.contains("\"review\": {\n    \"flagged\": 1,\n    \"flaggedShare\": 0.333333,\n"
                + "    \"maeFlagged\": 0.3,\n    \"maeUnflagged\": 0.15,\n    \"pearsonUnflagged\": 1.0\n  },"), json);
    }

    @Test
    void aPredictionIsOneCompactLineWithKeyPointsInRubricOrder() {
        Map<String, PointStatus> points = new LinkedHashMap<>();
        points.put("Q1-k-z", PointStatus.COVERED);
        points.put("Q1-k-a", PointStatus.MISSED);
        String line = EvaluationJson.toJsonLine(new Prediction("a", "Q1", 0.5, PARTIAL, List.of("Q1-m-x"), points));
        assertEquals("{\"id\":\"a\",\"question\":\"Q1\",\"score\":0.5,\"verdict\":\"partial\","
                + "\"misconceptions\":[\"Q1-m-x\"],\"keyPoints\":{\"Q1-k-z\":\"covered\",\"Q1-k-a\":\"missed\"},"
                + "\"needsReview\":false}", line);
    }
}
