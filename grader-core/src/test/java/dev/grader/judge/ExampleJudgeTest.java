package dev.grader.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.GradeReport;
import dev.grader.Grader;
import dev.grader.Rubrics;
import dev.grader.examples.GradedExample;
import dev.grader.examples.GradedExamples;
import dev.grader.internal.Json;
import dev.grader.report.TextReportRenderer;
import dev.grader.rubric.Rubric;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Grading by example with the real grader, the shipped rubric and the lexical judge (fast, deterministic). */
@DisplayName("Grading by example")
class ExampleJudgeTest {

    static final Rubric RUBRIC = Rubrics.defaultRubric();
    static final String ANSWER = "Shutdown waits for the running requests and then stops; Close just stops.";

    static Grader grader(GradedExamples examples) {
        Grader.Builder b = Grader.builder().rubric(RUBRIC).judge(OfflineJudge.builder().embeddings(false).build());
        return examples == null ? b.build() : b.examples(examples).build();
    }

    @Test
    void withoutExamplesTheReportIsExactlyTheReferenceOne() {
        String plain = Json.compact(grader(null).grade("Q4", ANSWER));
        assertEquals(plain, Json.compact(grader(GradedExamples.NONE).grade("Q4", ANSWER)));
        GradedExamples otherQuestion = GradedExamples.of(List.of(
                new GradedExample("e1", "Q1", "one goroutine per connection", 5, 5, null)), "test");
        GradeReport alone = grader(otherQuestion).grade("Q4", ANSWER);
        GradeReport reference = grader(null).grade("Q4", ANSWER);
        assertEquals(reference.keyPoints(), alone.keyPoints(), "a question without examples is graded as before");
        assertEquals(reference.score(), alone.score());
        assertNull(alone.examples());
        assertEquals(reference.audit(), alone.audit(), "the settings are the reference judge's");
        assertFalse(plain.contains("\"examples\""));
    }

    @Test
    void aJudgeThatOverCreditsAKindOfAnswerIsCorrectedByExamplesOfThatKind() {
        // "the same thing" answers: the reference judge finds some words; a person gives 0
        List<GradedExample> pool = new ArrayList<>();
        String[] same = {"Shutdown and Close are the same, both stop the server and close the connections.",
                "Close and Shutdown do the same: the server stops and connections are closed.",
                "There is no real difference, Shutdown and Close both close the listener and the connections.",
                "Both stop the server; Close and Shutdown close connections the same way."};
        for (int i = 0; i < same.length; i++) {
            pool.add(new GradedExample("same-" + i, "Q4", same[i], 0, 5, "wrong"));
        }
        String[] right = {"Shutdown is graceful: it stops accepting new connections, closes idle ones and waits for "
                + "in-flight handlers. Close is forceful and closes every connection at once.",
                "Shutdown drains: no new connections, idle ones closed immediately, it waits for active handlers to "
                        + "finish. Close immediately closes the listener and all connections.",
                "Graceful versus forceful: Shutdown waits for in-flight handlers after closing the listener and idle "
                        + "connections; Close kills every active connection right away."};
        for (int i = 0; i < right.length; i++) {
            pool.add(new GradedExample("right-" + i, "Q4", right[i], 5, 5, "full"));
        }
        GradedExamples examples = GradedExamples.of(pool, "test");
        String wrong = "Close and Shutdown both stop the server and close its connections; either one will do.";
        GradeReport plain = grader(null).grade("Q4", wrong);
        GradeReport byExample = grader(examples).grade("Q4", wrong);
        assertTrue(byExample.score() < plain.score(), plain.score() + " -> " + byExample.score());
        assertNotNull(byExample.examples());
        assertTrue(byExample.examples().nearest().get(0).exampleId().startsWith("same-"));
        assertEquals(plain.score(), byExample.examples().referenceScore(), 1e-4);
        assertEquals(byExample.score(), Math.max(0, byExample.examples().referenceScore()
                + byExample.examples().adjustment()), 1e-3);
        String text = TextReportRenderer.builder().build().render(byExample);
        assertTrue(text.contains("Graded like an answer that scored 0/5 (same-"), text);
        assertTrue(text.contains("The examples moved the score from"), text);
    }

    @Test
    void examplesGradedExactlyLikeTheReferenceJudgeChangeNothing() {
        Grader reference = grader(null);
        List<GradedExample> pool = new ArrayList<>();
        String[] answers = {"Shutdown is graceful.", "Close is forceful.", "Shutdown waits for in-flight handlers.",
                "Close closes every connection immediately.", "Shutdown stops accepting new connections.",
                "Shutdown closes idle connections immediately and waits."};
        for (int i = 0; i < answers.length; i++) {
            double score = reference.grade("Q4", answers[i]).score();
            pool.add(new GradedExample("ref-" + i, "Q4", answers[i], score, 1, null));
        }
        Grader byExample = grader(GradedExamples.of(pool, "test"));
        assertEquals(0, ((ExampleJudge) byExample.judge()).weights().residualWeight());
        assertEquals(0, ((ExampleJudge) byExample.judge()).weights().voteWeight());
        assertEquals(reference.grade("Q4", ANSWER).score(), byExample.grade("Q4", ANSWER).score(), 1e-4);
    }

    @Test
    void theSameAnswerGradedBeforeGetsThatGrade() {
        GradedExamples examples = GradedExamples.of(List.of(
                new GradedExample("a", "Q4", "Shutdown waits for requests; Close drops them.", 4, 5, null),
                new GradedExample("b", "Q4", "Shutdown and Close both stop the server.", 1, 5, null),
                new GradedExample("c", "Q4", "Shutdown is graceful, Close is forceful.", 5, 5, null)), "test");
        Grader g = grader(examples);
        assertEquals(0.8, g.grade("Q4", "Shutdown waits for requests; Close drops them.").score(), 1e-9);
        assertEquals(0.8, g.grade("Q4", "shutdown waits for requests, close drops them").score(), 1e-9,
                "case and punctuation do not make another answer");
        assertTrue(g.grade("Q4", "Shutdown waits for requests; Close drops them; both return errors.").score()
                != 0.8, "a longer answer is another answer");
    }

    @Test
    void anAnswerThatSaysNothingEarnsNothingFromItsNeighbours() {
        Grader g = grader(Rubrics.defaultExamples());
        for (String empty : List.of("", "   ", "\n\n", "...", "?", "-- !")) {
            for (String q : List.of("Q1", "Q4", "Q19", "Q27")) {
                GradeReport r = g.grade(q, empty);
                assertEquals(0.0, r.score(), q + " '" + empty + "'");
                assertNull(r.examples(), "no neighbours for an empty answer");
            }
        }
    }

    @Test
    void anAnswerUnlikeEveryExampleAsksForReview() {
        GradedExamples examples = GradedExamples.of(List.of(
                new GradedExample("a", "Q4", "Shutdown is graceful and Close is forceful.", 3, 5, null),
                new GradedExample("b", "Q4", "Shutdown waits for handlers; Close interrupts them.", 3, 5, null)),
                "test");
        GradeReport r = grader(examples).grade("Q4", "Kubernetes sends SIGTERM before the pod is removed.");
        assertTrue(r.reviewReasons().stream().anyMatch(s -> s.startsWith("the answer is unlike every graded "
                + "example of this question")), r.reviewReasons().toString());
    }

    @Test
    void theShippedExamplesGradeEveryQuestionAndShowTheNearest() {
        Grader g = grader(Rubrics.defaultExamples());
        GradeReport r = g.grade("Q1", "It uses a thread pool: a fixed number of worker threads takes requests from "
                + "a queue.");
        assertNotNull(r.examples());
        assertEquals(3, r.examples().nearest().size());
        assertNull(grader(null).grade("Q1", "x").examples());
    }

    @Test
    void aMisconceptionAPersonFoundAbsentIsOnlySuspected() {
        // a full answer the lexical judge reads two misconceptions into; the person who graded it found none
        GradedExample full = Rubrics.defaultExamples().all().stream().filter(e -> e.id().equals("ex-Q6-10"))
                .findFirst().orElseThrow();
        assertEquals(java.util.Optional.of(false), full.statesMisconception());
        GradeReport alone = grader(null).grade("Q6", full.answer());
        assertFalse(alone.misconceptions().isEmpty(), "the judge alone reports them");
        GradeReport byExample = grader(Rubrics.defaultExamples()).grade("Q6", full.answer());
        assertTrue(byExample.misconceptions().isEmpty(), byExample.misconceptions().toString());
        assertTrue(byExample.needsReview());
        for (var m : alone.misconceptions()) {
            assertTrue(byExample.reviewReasons().stream().anyMatch(r -> r.startsWith("the answer may state the "
                    + "misconception \u201c" + m.text())), byExample.reviewReasons().toString());
        }
        assertEquals(full.fraction(), byExample.score(), 1e-9, "the same answer takes the person's grade");
    }
}
