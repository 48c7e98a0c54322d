package dev.grader.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.Grader;
import dev.grader.PointStatus;
import dev.grader.compile.BankCompiler;
import org.junit.jupiter.api.Test;

/** Terse model answers, read with their question (issue 10), graded with embeddings as users run it. */
class TerseAnswersGradingTest {

    static final Grader GRADER = Grader.builder().rubric(BankCompiler.compile("""
            {"id": "T1", "question": "How are arrays passed to functions in C?", "modelAnswer": "By reference."}
            {"id": "T2", "question": "Which function starts an HTTP server in Go?", "modelAnswer": "http.ListenAndServe"}
            {"id": "T3", "question": "What is six times seven?", "modelAnswer": "42"}
            """, "terse.jsonl")).build();

    @Test
    void theAnswerCounts() {
        assertEquals(1.0, GRADER.grade("T1", "Arrays are passed by reference.").score());
        assertEquals(1.0, GRADER.grade("T2", "http.ListenAndServe").score());
        assertEquals(1.0, GRADER.grade("T3", "42").score());
    }

    @Test
    void aNeighbouringAnswerEarnsNothingForMeaningAlone() {
        assertEquals(0.0, GRADER.grade("T1", "By value.").score());
        assertEquals(0.0, GRADER.grade("T3", "43").score(), "a number means much what another number means");
    }

    @Test
    void theAnswerDeniedWithTheQuestionsVerbIsAContradiction() {
        var r = GRADER.grade("T1", "They are not passed by reference.");
        assertEquals(PointStatus.CONTRADICTED, r.keyPoints().get(0).status());
        assertEquals(0.0, r.score());
    }

    @Test
    void anotherIdentifierSharingAWordIsNotTheIdentifier() {
        double serve = GRADER.grade("T2", "http.Serve").score();
        assertTrue(serve < 0.75, "http.Serve is not http.ListenAndServe: " + serve);
    }
}
