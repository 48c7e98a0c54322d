package dev.grader.eval;

import static dev.grader.Verdict.CONTRADICTORY;
import static dev.grader.Verdict.CORRECT;
import static dev.grader.Verdict.INCORRECT;
import static dev.grader.Verdict.PARTIAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AgreementTest {

    private static final double EXACT = 1e-12;

    private static GoldAnswer gold(String id, String question, double score, double scale, String label, String kind,
                                   List<String> misconceptions) {
        return new GoldAnswer(id, question, "answer " + id, score, scale, label, kind, misconceptions, 0);
    }

    private static Prediction predicted(String id, String question, double score, Verdict verdict,
                                        String... misconceptions) {
        return new Prediction(id, question, score, verdict, List.of(misconceptions), Map.of());
    }

    @Nested
    class OnGradedScalesWithKinds {

        private final List<GoldAnswer> gold = List.of(
                gold("a", "Q1", 5, 5, null, "full", List.of()),
                gold("b", "Q1", 0, 5, null, "negated", List.of("says the opposite")),
                gold("c", "Q2", 2.5, 5, null, "partial", List.of()),
                gold("d", "Q2", 1, 5, null, "negated", List.of("says the opposite")));
        private final List<Prediction> predictions = List.of(
                predicted("a", "Q1", 0.9, CORRECT),
                predicted("b", "Q1", 0.2, CONTRADICTORY, "Q1-k1"),
                predicted("c", "Q2", 0.5, PARTIAL),
                predicted("d", "Q2", 0.6, PARTIAL));
        private final EvaluationResult result = Agreement.summarize("bank", gold, predictions,
                List.of(new Skipped(Skipped.QUESTION_NOT_IN_RUBRIC, 3, List.of("Q9"))));

        @Test
        void countsGradedAndSkippedRows() {
            assertEquals("bank", result.rubric());
            assertEquals(7, result.rows());
            assertEquals(4, result.graded());
            assertEquals(5.0, result.scale());
            assertEquals(List.of(new Skipped("question not in rubric", 3, List.of("Q9"))), result.skipped());
        }

        @Test
        void measuresErrorsOnTheGoldScale() {
            // predicted x 5 = {4.5, 1, 2.5, 3} against {5, 0, 2.5, 1}: differences -0.5, 1, 0, 2
            Metrics m = result.metrics();
            assertEquals(4, m.n());
            assertEquals(Math.sqrt(5.25 / 4), m.rmse(), EXACT);
            assertEquals(3.5 / 4, m.mae(), EXACT);
        }

        @Test
        void snapsPredictionsToTheGoldGridForKappa() {
            // grid {0, 1, 2.5, 5}: gold grades {3, 0, 2, 1}, predicted {3, 1, 2, 2} -> observed 2/9, expected 8/9
            assertEquals(0.75, result.metrics().qwk(), EXACT);
        }

        @Test
        void calibratesEachQuestionWithTheLineFittedOnTheOther() {
            // Q1 held out: fit on Q2 = 10 - 3x -> {-3.5, 7} clamped to {0, 5};
            // Q2 held out: fit on Q1 = (10/7)(x - 1) -> {15/7, 20/7}
            double[] calibrated = {0, 5, 15.0 / 7, 20.0 / 7};
            double[] goldUnits = {5, 0, 2.5, 1};
            assertEquals(Errors.rmse(calibrated, goldUnits), result.metrics().rmseCalibrated(), EXACT);
            assertEquals(Errors.mae(calibrated, goldUnits), result.metrics().maeCalibrated(), EXACT);
        }

        @Test
        void reportsEachQuestion() {
            assertEquals(List.of(
                    new QuestionBreakdown("Q1", 2, 0.5, 0.55, 1.0),
                    new QuestionBreakdown("Q2", 2, 0.35, 0.55, -1.0)), result.questions().stream()
                    .map(q -> new QuestionBreakdown(q.question(), q.n(), round(q.meanGold()), round(q.meanPredicted()),
                            round(q.pearson())))
                    .toList());
        }

        @Test
        void reportsEachKindInOrderOfFirstAppearance() {
            assertEquals(List.of("full", "negated", "partial"), result.kinds().stream().map(KindBreakdown::kind).toList());
            KindBreakdown negated = result.kinds().get(1);
            assertEquals(2, negated.n());
            assertEquals(0.4, negated.meanPredicted(), EXACT);
            assertEquals(0.6, negated.maxPredicted(), EXACT);
            assertEquals(0.1, negated.meanGold(), EXACT);
            assertEquals(0.5, negated.misconceptionShare(), EXACT);
        }

        @Test
        void comparesReportedMisconceptionsWithTheHumanNotes() {
            assertEquals(MisconceptionAgreement.of(2, 1, 2, 0), result.misconceptions());
            assertEquals(0.5, result.misconceptions().recall());
            assertEquals(0.0, result.misconceptions().falseAlarmRate());
        }

        @Test
        void explainsWhyLabelMetricsAreUndefined() {
            assertTrue(Double.isNaN(result.metrics().accuracy()));
            assertTrue(Double.isNaN(result.metrics().macroF1()));
            assertEquals(List.of("rmseCalibrated, maeCalibrated: rough (each held-out line is fitted on a few of only 4 "
                    + "answers)", "accuracy, macroF1: n/a (gold has no labels)"), result.notes());
            assertEquals(List.of(), result.labels());
        }
    }

    @Nested
    class OnLabels {

        private final List<GoldAnswer> gold = List.of(
                gold("a", "Q1", 1, 1, "correct", null, null),
                gold("b", "Q1", 0, 1, "contradictory", null, null),
                gold("c", "Q2", 0, 1, "Contradictory", null, null),
                gold("d", "Q2", 0, 1, "incorrect", null, null),
                gold("e", "Q2", 1, 1, "correct", null, null));
        private final List<Prediction> predictions = List.of(
                predicted("a", "Q1", 0.8, CORRECT),
                predicted("b", "Q1", 0.4, PARTIAL, "Q1-m1"),
                predicted("c", "Q2", 0.1, CONTRADICTORY),
                predicted("d", "Q2", 0.5, PARTIAL),
                predicted("e", "Q2", 0.3, INCORRECT));
        private final EvaluationResult result = Agreement.summarize("semeval", gold, predictions, List.of());

        @Test
        void mapsPredictedVerdictsTheGoldDoesNotUseToTheNearestGoldClass() {
            // partial -> incorrect: predicted {correct, incorrect, contradictory, incorrect, incorrect}
            // gold {correct, contradictory, contradictory, incorrect, correct}: 3 of 5 match
            assertEquals(0.6, result.metrics().accuracy(), EXACT);
            assertEquals(5, result.metrics().labelled());
            // correct 2/3 (TP 1, pred 1, gold 2); contradictory 2/3 (TP 1, pred 1, gold 2); incorrect 2/4
            assertEquals((2.0 / 3 + 2.0 / 3 + 0.5) / 3, result.metrics().macroF1(), EXACT);
            assertTrue(result.notes().contains(
                    "verdicts the gold labels do not use count as the nearest gold class: partial -> incorrect (2)"),
                    result.notes().toString());
        }

        @Test
        void groupsLabelsCaseInsensitivelyUnderTheirFirstSpelling() {
            assertEquals(List.of("correct", "contradictory", "incorrect"),
                    result.labels().stream().map(LabelBreakdown::label).toList());
            LabelBreakdown contradictory = result.labels().get(1);
            assertEquals(2, contradictory.n());
            assertEquals(0.25, contradictory.meanPredicted(), EXACT);
            assertEquals(Map.of(CORRECT, 0, PARTIAL, 1, INCORRECT, 0, CONTRADICTORY, 1), contradictory.verdicts());
            assertEquals(List.of(CORRECT, PARTIAL, INCORRECT, CONTRADICTORY),
                    List.copyOf(contradictory.verdicts().keySet()));
            // one has a misconception, the other a contradictory verdict
            assertEquals(1.0, contradictory.flaggedShare());
        }

        @Test
        void hasNoKindOrMisconceptionTablesWithoutThatGold() {
            assertEquals(List.of(), result.kinds());
            assertNull(result.misconceptions());
        }

        @Test
        void leavesUnknownLabelsOutOfClassificationAndSaysSo() {
            List<GoldAnswer> withOdd = List.of(gold("a", "Q1", 1, 1, "correct", null, null),
                    gold("b", "Q1", 0, 1, "non_domain", null, null));
            EvaluationResult odd = Agreement.summarize("x", withOdd,
                    List.of(predicted("a", "Q1", 0.8, CORRECT), predicted("b", "Q1", 0, INCORRECT)), List.of());
            assertEquals(1, odd.metrics().labelled());
            assertEquals(1.0, odd.metrics().accuracy());
            assertTrue(odd.notes().contains("1 answer(s) with labels other than correct, partial, incorrect or "
                    + "contradictory are left out of accuracy and macroF1: non_domain"), odd.notes().toString());
        }
    }

    @Nested
    class UndefinedMetrics {

        @Test
        void constantPredictionsLeaveCorrelationsUndefinedAndSaySo() {
            List<GoldAnswer> gold = List.of(gold("a", "Q1", 1, 1, null, null, null), gold("b", "Q2", 0, 1, null, null, null));
            EvaluationResult result = Agreement.summarize("x", gold,
                    List.of(predicted("a", "Q1", 0.5, PARTIAL), predicted("b", "Q2", 0.5, PARTIAL)), List.of());
            assertTrue(Double.isNaN(result.metrics().pearson()));
            assertTrue(Double.isNaN(result.metrics().spearman()));
            assertEquals(0.0, result.metrics().qwk(), EXACT);
            assertTrue(result.notes().contains("pearson, spearman: n/a (every predicted score is the same)"));
        }

        @Test
        void aSingleAnswerLeavesEverythingButErrorsUndefined() {
            EvaluationResult result = Agreement.summarize("x", List.of(gold("a", "Q1", 1, 1, null, null, null)),
                    List.of(predicted("a", "Q1", 0.75, CORRECT)), List.of());
            Metrics m = result.metrics();
            assertTrue(Double.isNaN(m.pearson()));
            assertTrue(Double.isNaN(m.qwk()));
            assertTrue(Double.isNaN(m.rmseCalibrated()));
            assertEquals(0.25, m.rmse(), EXACT);
            assertEquals(List.of(
                    "pearson, spearman: n/a (fewer than 2 graded answers)",
                    "qwk: n/a (every gold grade is the same, so there are no grades to disagree on)",
                    "rmseCalibrated, maeCalibrated: n/a (cross-validation over questions needs answers to at least 2 "
                            + "questions)",
                    "accuracy, macroF1: n/a (gold has no labels)"), result.notes());
        }

        @Test
        void nothingGradedIsAllUndefined() {
            EvaluationResult result = Agreement.summarize("x", List.of(), List.of(),
                    List.of(new Skipped(Skipped.QUESTION_NOT_IN_RUBRIC, 2, List.of("Q7"))));
            assertEquals(2, result.rows());
            assertEquals(0, result.graded());
            assertTrue(Double.isNaN(result.metrics().rmse()));
            assertTrue(Double.isNaN(result.scale()));
            assertNull(result.review());
        }
    }

    @Nested
    class Review {

        private final List<GoldAnswer> gold = List.of(
                gold("a", "Q1", 1, 1, null, null, null),
                gold("b", "Q1", 0, 1, null, null, null),
                gold("c", "Q2", 1, 1, null, null, null),
                gold("d", "Q2", 0, 1, null, null, null));

        private Prediction flagged(String id, double score, boolean review) {
            return new Prediction(id, "Q", score, PARTIAL, List.of(), Map.of(), review);
        }

        @Test
        void comparesTheErrorOfFlaggedAnswersWithTheRest() {
            // flagged b and c: errors 0.5 and 0.5; the others a and d: 0.1 and 0.2, ranked as gold ranks them
            EvaluationResult result = Agreement.summarize("x", gold, List.of(flagged("a", 0.9, false),
                    flagged("b", 0.5, true), flagged("c", 0.5, true), flagged("d", 0.2, false)), List.of());
            ReviewAgreement review = result.review();
            assertEquals(2, review.flagged());
            assertEquals(0.5, review.flaggedShare(), EXACT);
            assertEquals(0.5, review.maeFlagged(), EXACT);
            assertEquals(0.15, review.maeUnflagged(), EXACT);
            assertEquals(1.0, review.pearsonUnflagged(), EXACT);
        }

        @Test
        void withNothingFlaggedTheFlaggedErrorIsUndefined() {
            EvaluationResult result = Agreement.summarize("x", gold, List.of(flagged("a", 1, false),
                    flagged("b", 0, false), flagged("c", 0.5, false), flagged("d", 0.5, false)), List.of());
            assertEquals(0, result.review().flagged());
            assertTrue(Double.isNaN(result.review().maeFlagged()));
            assertEquals(0.25, result.review().maeUnflagged(), EXACT);
        }

        @Test
        void withEverythingFlaggedTheRestIsUndefined() {
            EvaluationResult result = Agreement.summarize("x", gold, List.of(flagged("a", 1, true),
                    flagged("b", 0, true), flagged("c", 1, true), flagged("d", 0, true)), List.of());
            assertEquals(1.0, result.review().flaggedShare(), EXACT);
            assertTrue(Double.isNaN(result.review().maeUnflagged()));
            assertTrue(Double.isNaN(result.review().pearsonUnflagged()));
        }
    }

    @Test
    void refusesPredictionsThatDoNotMatchTheGold() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Agreement.summarize("x",
                List.of(gold("a", "Q1", 1, 1, null, null, null)), List.of(predicted("z", "Q1", 1, CORRECT)), List.of()));
        assertEquals("prediction 0 is for 'z', expected 'a'", e.getMessage());
    }

    private static double round(double v) {
        return Math.round(v * 1e9) / 1e9;
    }
}
