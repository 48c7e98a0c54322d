package dev.grader.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.Assessment;
import dev.grader.GradeReport.FollowUpProbe;
import dev.grader.PointStatus;
import dev.grader.rubric.FollowUp;
import dev.grader.rubric.KeyPoint;
import dev.grader.rubric.Misconception;
import dev.grader.rubric.Question;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Generated follow-ups read as questions a person would ask, and the error comes first. */
class ProbeWriterTest {

    private static final KeyPoint POOL_FREE = new KeyPoint("k1", "Each connection gets its own goroutine", 1,
            List.of("goroutine"), List.of());
    private static final KeyPoint HTTP2 = new KeyPoint("k2", "HTTP/2 streams get a goroutine each", 1,
            List.of("HTTP/2"), List.of());
    private static final Misconception THREAD_POOL = new Misconception("m1", "It uses a thread pool",
            "No \u2014 Go does not pool goroutines for handlers; one fresh goroutine per connection.", List.of(), null);
    private static final Question Q1 = new Question("Q1", null, "How does http.ListenAndServe handle concurrent "
            + "requests?", "m.", List.of(), null, List.of(POOL_FREE, HTTP2), List.of(THREAD_POOL),
            List.of(new FollowUp("f1", "What about HTTP/2?", "Each stream gets its own goroutine.", List.of("k2"))),
            List.of(), List.of());

    private static Assessment assessment(PointStatus k1, PointStatus k2, boolean statesThePool) {
        return new Assessment(List.of(
                new Assessment.Point("k1", k1, 0.9, null, "offline", null),
                new Assessment.Point("k2", k2, 0.9, null, "offline", null)),
                statesThePool ? List.of(new Assessment.MisconceptionHit("m1", 0.9, null, "offline")) : List.of(),
                List.of(), null, null);
    }

    @Test
    void aStatedMisconceptionIsAskedAboutFirstWithItsCorrectionAsTheAnswer() {
        List<FollowUpProbe> plan = FollowUpPlanner.plan(Q1, assessment(PointStatus.PARTIAL, PointStatus.MISSED, true));

        FollowUpProbe first = plan.get(0);
        assertEquals("You said that it uses a thread pool. Is that right? Why or why not?", first.question());
        assertEquals("Go does not pool goroutines for handlers; one fresh goroutine per connection.", first.answer());
        assertEquals("misconception", first.reason());
        assertEquals("What about HTTP/2?", plan.get(1).question(), "the rubric's probes come after the error");
    }

    @Test
    void aContradictedPointComesBeforeTheRubricsProbes() {
        List<FollowUpProbe> plan = FollowUpPlanner.plan(Q1,
                assessment(PointStatus.CONTRADICTED, PointStatus.MISSED, false));

        assertEquals("Your answer says the opposite of this point: Each connection gets its own goroutine. Which is "
                + "right, and why?", plan.get(0).question());
        assertEquals("Each connection gets its own goroutine", plan.get(0).answer());
        assertEquals("What about HTTP/2?", plan.get(1).question());
    }

    @Test
    void aMissedPointIsAskedAboutInPlainWords() {
        KeyPoint idle = new KeyPoint("k", "Shutdown closes idle connections immediately.", 1,
                List.of("idle", "immediately", "connections"), List.of());
        assertEquals("Your answer leaves out one point: Shutdown closes idle connections immediately. Can you explain "
                + "why that holds?", ProbeWriter.probeFor(Q1, idle));
    }

    @Test
    void aTerseAnswerAsksForTheReasonBehindIt() {
        KeyPoint reference = new KeyPoint("k", "By reference", 2, List.of("reference"), List.of());
        assertEquals("The expected answer is \u201cBy reference\u201d. Can you explain why?",
                ProbeWriter.probeFor(Q1, reference));
    }

    @Test
    void noGeneratedProbeIsAGapToFill() {
        for (PointStatus k1 : PointStatus.values()) {
            for (PointStatus k2 : PointStatus.values()) {
                for (FollowUpProbe p : FollowUpPlanner.plan(Q1, assessment(k1, k2, k1 == PointStatus.PARTIAL))) {
                    assertFalse(p.question().contains("___") || p.question().toLowerCase().contains("fill the gap"),
                            p.question());
                    assertTrue(p.question().endsWith("?"), "a question: " + p.question());
                }
            }
        }
    }

    @Test
    void namesAndCodeKeepTheirCaseInsideASentence() {
        assertEquals("it uses a thread pool", ProbeWriter.inSentence("It uses a thread pool."));
        assertEquals("Shutdown waits for handlers", ProbeWriter.inSentence("Shutdown waits for handlers"));
        assertEquals("HTTP/2 needs no goroutines", ProbeWriter.inSentence("HTTP/2 needs no goroutines"));
        assertEquals("the server limits goroutines", ProbeWriter.inSentence("The server limits goroutines"));
    }
}
