package dev.grader.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AnswerShapeTest {

    @Test
    void countsWordsAsRunsWithALetterOrDigit() {
        assertEquals(4, AnswerShape.words("Shutdown waits, politely - r.Context()!"));
        assertEquals(0, AnswerShape.words(" ... -- "));
    }

    @Test
    void aHeapOfOneAndTwoWordSentencesIsFragments() {
        assertTrue(AnswerShape.fragments("graceful. forceful. idle immediately. listener. accepting. finish."));
        assertTrue(AnswerShape.fragments("Shutdown graceful.\nClose forceful.\nIdle connections."));
    }

    @Test
    void statementsAreNotFragmentsEvenWhenShort() {
        assertFalse(AnswerShape.fragments("Shutdown is graceful. Close is forceful. Both close the listener."));
        assertFalse(AnswerShape.fragments("Graceful. Forceful."), "two sentences are too few to call it a list");
        assertFalse(AnswerShape.fragments("Yes. It waits for handlers to finish. Then it returns nil."));
    }
}
