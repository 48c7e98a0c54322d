package dev.grader.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.grader.rubric.KeyPoint;
import dev.grader.rubric.Question;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeWriterTest {

    private static Question question(String prompt, KeyPoint point) {
        return new Question("Q", null, prompt, "m.", List.of(), null, List.of(point), List.of(), List.of(), List.of(),
                List.of());
    }

    @Test
    void leavesTheMostTellingTermAsAGapInThePointItself() {
        KeyPoint point = new KeyPoint("k", "Shutdown closes idle connections immediately.", 1,
                List.of("idle", "immediately", "connections"), List.of());
        assertEquals("Fill the gap in this point of the model answer, and say why it holds: "
                + "\u201cShutdown closes ___ connections immediately\u201d",
                ProbeWriter.probeFor(question("What does Shutdown do?", point), point));
    }

    @Test
    void codeTermsGoFirstAndTermsOfThePromptAreSkipped() {
        KeyPoint point = new KeyPoint("k", "The handler's goroutine must call w.Write itself", 1,
                List.of("goroutine", "w.Write"), List.of());
        assertEquals("Fill the gap in this point of the model answer, and say why it holds: "
                + "\u201cThe handler's goroutine must call ___ itself\u201d",
                ProbeWriter.probeFor(question("Which goroutine writes?", point), point));
    }

    @Test
    void aTermFoundOnlyInsideAnotherWordIsNoGap() {
        KeyPoint point = new KeyPoint("k", "Reads are buffered", 1, List.of("read"), List.of());
        assertEquals("Your answer did not cover one part of the model answer. What else would you add to it?",
                ProbeWriter.probeFor(question("Why?", point), point));
    }

    @Test
    void everyOccurrenceOfTheTermBecomesAGapSoNoneGivesItAway() {
        KeyPoint point = new KeyPoint("k", "TLS runs first: the TLS handshake precedes reading", 1, List.of("TLS"),
                List.of());
        assertEquals("Fill the gap in this point of the model answer, and say why it holds: "
                + "\u201c___ runs first: the ___ handshake precedes reading\u201d",
                ProbeWriter.probeFor(question("Why?", point), point));
    }
}
