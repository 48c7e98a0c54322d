package dev.grader.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class HedgesTest {

    @Test
    void aRetractionTakesBackTheClaimBeforeIt() {
        assertTrue(Hedges.retracts("maybe the connection closes after the request, or maybe not"));
        assertTrue(Hedges.retracts("it waits, or not"));
        assertTrue(Hedges.uncommitted("Shutdown closes the listener first, or the other way round"));
        assertEquals(List.of("or maybe not", "maybe"), Hedges.of("maybe it closes, or maybe not"));
    }

    @Test
    void hedgesAreFoundAsWholeWordsInOrder() {
        assertEquals(List.of("i think", "possibly", "maybe", "might"),
                Hedges.of("I think it possibly relates to keep-alive, maybe to Close; it might be used on shutdown."));
        assertEquals(List.of(), Hedges.of("Mighty servers, probabilistic caches: no hedge here."));
        assertEquals(List.of("i'm not sure"), Hedges.of("I\u2019m not sure"));
    }

    @Test
    void oneOrTwoHedgesAreOrdinarySpeech() {
        assertFalse(Hedges.uncommitted("Shutdown probably returns ctx.Err() then; I think that is documented."));
        assertFalse(Hedges.uncommitted("It is cancelled whether or not the handler is still running."));
        assertTrue(Hedges.uncommitted("Maybe it waits, perhaps it polls, it might even use a WaitGroup."));
    }

    @Property
    void anyTextIsReadWithoutFailing(@ForAll String text) {
        assertEquals(Hedges.retracts(text) || Hedges.of(text).size() >= Hedges.MANY, Hedges.uncommitted(text));
    }
}
