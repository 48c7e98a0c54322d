package dev.grader.judge;

import static dev.grader.PointStatus.CONTRADICTED;
import static dev.grader.PointStatus.COVERED;
import static dev.grader.PointStatus.MISSED;
import static dev.grader.PointStatus.PARTIAL;
import static dev.grader.judge.PolicyFixtures.ANSWER;
import static dev.grader.judge.PolicyFixtures.QUESTION;
import static dev.grader.judge.PolicyFixtures.judges;
import static dev.grader.judge.PolicyFixtures.statuses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.grader.Assessment;
import dev.grader.judge.PolicyFixtures.Scripted;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PoliciesTest {

    @Nested
    @DisplayName("escalate")
    class Escalate {

        @Test
        @DisplayName("a sure offline verdict far from the pass mark makes no call and counts one call saved")
        void sureAndFarFromPassSavesTheCall() {
            Scripted offline = new Scripted("offline", COVERED, 0.9, COVERED, 0.9, COVERED, 0.9);
            Scripted llm = new Scripted("llm", MISSED, 0.9, MISSED, 0.9, MISSED, 0.9);
            Assessment a = EscalatingJudge.builder(offline, llm).margin(0.1).build().assess(QUESTION, ANSWER);
            assertEquals(0, llm.calls.get());
            assertEquals(1, a.trace().callsSaved());
            assertEquals(List.of(COVERED, COVERED, COVERED), statuses(a));
        }

        @Test
        @DisplayName("unsure points go to the LLM; sure ones stay offline")
        void unsurePointsDecidedByTheLlm() {
            // score: a covered (1) + b missed (0) + c missed (0) = 1/4 = 0.25, far from 0.75 with margin 0.1
            Scripted offline = new Scripted("offline", COVERED, 0.9, MISSED, 0.3, MISSED, 0.9);
            Scripted llm = new Scripted("llm", MISSED, 0.9, COVERED, 0.9, COVERED, 0.9);
            Assessment a = EscalatingJudge.builder(offline, llm).margin(0.1).build().assess(QUESTION, ANSWER);
            assertEquals(1, llm.calls.get());
            assertEquals(List.of(COVERED, COVERED, MISSED), statuses(a));
            assertEquals(List.of("offline", "llm", "offline"), judges(a));
            assertEquals(0, a.trace().callsSaved());
            assertEquals(1, a.trace().llmCalls());
            assertNull(a.feedback(), "a mixed verdict gets the grader's own feedback");
        }

        @Test
        @DisplayName("an answer near the pass mark is decided wholly by the LLM")
        void nearPassGoesWhole() {
            // offline: a, b, c covered except a missed = 3/4 = 0.75, exactly the pass mark
            Scripted offline = new Scripted("offline", MISSED, 0.9, COVERED, 0.9, COVERED, 0.9);
            Scripted llm = new Scripted("llm", COVERED, 0.9, MISSED, 0.9, COVERED, 0.9);
            Assessment a = EscalatingJudge.builder(offline, llm).margin(0.05).build().assess(QUESTION, ANSWER);
            assertEquals(List.of(COVERED, MISSED, COVERED), statuses(a));
            assertEquals("llm feedback", a.feedback());
        }

        @Test
        @DisplayName("a mid-range score resting on partial matches is decided wholly by the LLM, whatever the margin")
        void partialMatchesGoWhole() {
            // every point partial at half credit: 0.5, far from the pass mark (0.75) with margin 0
            Scripted offline = new Scripted("offline", PARTIAL, 0.9, PARTIAL, 0.9, PARTIAL, 0.9);
            Scripted llm = new Scripted("llm", COVERED, 0.9, MISSED, 0.9, COVERED, 0.9);
            Assessment a = EscalatingJudge.builder(offline, llm).margin(0).build().assess(QUESTION, ANSWER);
            assertEquals(1, llm.calls.get());
            assertEquals(List.of(COVERED, MISSED, COVERED), statuses(a));
            assertEquals(List.of("llm", "llm", "llm"), judges(a));
        }

        @Test
        @DisplayName("an answer stating some points and contradicting others is decided wholly by the LLM")
        void mixedPolarityGoesWhole() {
            // a covered (1) + b contradicted (-0.25) + c missed = 0.75 of 4: far from the pass mark
            Scripted offline = new Scripted("offline", COVERED, 0.9, CONTRADICTED, 0.9, MISSED, 0.9);
            Scripted llm = new Scripted("llm", COVERED, 0.9, COVERED, 0.9, MISSED, 0.9);
            Assessment a = EscalatingJudge.builder(offline, llm).margin(0).build().assess(QUESTION, ANSWER);
            assertEquals(1, llm.calls.get());
            assertEquals(List.of(COVERED, COVERED, MISSED), statuses(a));
        }

        @Test
        @DisplayName("a clear-cut score from partial matches is not escalated")
        void clearCutPartialStaysOffline() {
            // a partial (0.5) of 4 points: 0.125, partial share 1/4; uncertainty sqrt(0.25 * 0.25) = 0.25
            Scripted offline = new Scripted("offline", PARTIAL, 0.9, MISSED, 0.9, MISSED, 0.9);
            Scripted llm = new Scripted("llm", COVERED, 0.9, COVERED, 0.9, COVERED, 0.9);
            Assessment a = EscalatingJudge.builder(offline, llm).margin(0).build().assess(QUESTION, ANSWER);
            assertEquals(0, llm.calls.get());
            assertEquals(List.of(PARTIAL, MISSED, MISSED), statuses(a));
        }

        @Test
        @DisplayName("an unsure misconception is re-decided by the LLM")
        void unsureMisconception() {
            Scripted offline = new Scripted("offline", COVERED, 0.9, COVERED, 0.9, COVERED, 0.9).states("m", 0.4);
            Scripted llm = new Scripted("llm", COVERED, 0.9, COVERED, 0.9, COVERED, 0.9);
            Assessment a = EscalatingJudge.builder(offline, llm).margin(0).build().assess(QUESTION, ANSWER);
            assertEquals(1, llm.calls.get());
            assertEquals(List.of(), a.misconceptions(), "the LLM did not find it");
        }

        @Test
        void settingsAreValidated() {
            Scripted j = new Scripted("offline", COVERED, 1, COVERED, 1, COVERED, 1);
            assertEquals("confidence must be between 0 and 1, found 1.5", assertThrows(IllegalArgumentException.class,
                    () -> EscalatingJudge.builder(j, j).confidence(1.5)).getMessage());
        }
    }

    @Nested
    @DisplayName("blend")
    class Blend {

        @Test
        @DisplayName("credits are averaged and mapped back: covered+missed is partial, missed+contradicted contradicted")
        void creditsAverage() {
            Scripted offline = new Scripted("offline", MISSED, 0.8, PARTIAL, 0.8, MISSED, 0.8).states("m", 0.9);
            Scripted llm = new Scripted("llm", COVERED, 1.0, COVERED, 1.0, CONTRADICTED, 1.0);
            Assessment a = BlendingJudge.builder(offline, llm).build().assess(QUESTION, ANSWER);
            assertEquals(List.of(PARTIAL, COVERED, CONTRADICTED), statuses(a));
            assertEquals(0.9, a.points().get(0).confidence(), 1e-9);
            assertEquals(List.of("llm", "llm", "llm"), judges(a));
            assertEquals("blend of llm covered and offline missed", a.points().get(0).reason());
            assertEquals(0.5, a.points().get(0).credit(), "a blended partial earns the blended credit");
            assertEquals(1, a.misconceptions().size(), "half the weight states it: kept");
        }

        @Test
        @DisplayName("a heavier offline judge wins a split")
        void weights() {
            Scripted offline = new Scripted("offline", MISSED, 0.8, MISSED, 0.8, MISSED, 0.8);
            Scripted llm = new Scripted("llm", COVERED, 1.0, COVERED, 1.0, COVERED, 1.0).states("m", 0.9);
            Assessment a = BlendingJudge.builder(offline, llm).secondWeight(0.2).build().assess(QUESTION, ANSWER);
            assertEquals(List.of(MISSED, MISSED, MISSED), statuses(a));
            assertEquals(List.of(), a.misconceptions());
        }
    }

    @Nested
    @DisplayName("consensus")
    class Consensus {

        @Test
        @DisplayName("majority per point; a tie credits less; disagreements are counted")
        void majority() {
            Scripted s1 = new Scripted("llm", COVERED, 0.9, COVERED, 0.9, MISSED, 0.9).states("m", 0.9);
            Scripted s2 = new Scripted("llm", COVERED, 0.9, MISSED, 0.9, MISSED, 0.9).states("m", 0.9);
            Scripted s3 = new Scripted("llm", COVERED, 0.9, PARTIAL, 0.9, MISSED, 0.9);
            Assessment a = ConsensusJudge.of(List.of(s1, s2, s3)).assess(QUESTION, ANSWER);
            assertEquals(List.of(COVERED, MISSED, MISSED), statuses(a), "b: one vote each, the least credit wins");
            assertEquals(1.0, a.points().get(0).confidence());
            assertEquals(1 / 3.0, a.points().get(1).confidence(), 1e-9);
            assertEquals(2, a.trace().disagreements(), "point b and misconception m");
            assertEquals(1, a.misconceptions().size(), "two of three found m");
            assertEquals(3, a.trace().llmCalls());
        }

        @Test
        void needsTwoJudges() {
            Scripted s = new Scripted("llm", COVERED, 1, COVERED, 1, COVERED, 1);
            assertEquals("judges must hold at least 2 judges, found 1",
                    assertThrows(IllegalArgumentException.class, () -> ConsensusJudge.of(List.of(s))).getMessage());
        }
    }
}
