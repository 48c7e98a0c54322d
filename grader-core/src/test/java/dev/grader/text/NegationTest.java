package dev.grader.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NegationTest {

    private static String heads(String text) {
        List<Token> tokens = Tokenizer.tokenize(text);
        boolean[] heads = Negation.heads(tokens, 0, tokens.size());
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            if (heads[i]) {
                out.append(tokens.get(i).lower()).append(' ');
            }
        }
        return out.toString().strip();
    }

    @Test
    void theHeadIsTheFirstContentWordACueGoverns() {
        assertEquals("spawn", heads("Go does not spawn a goroutine per connection"));
        assertEquals("separate", heads("there is no separate handshake goroutine"));
        assertEquals("exist", heads("It doesn't exist in net/http"));
    }

    @Test
    void aNegatedConditionIsNotADenial() {
        assertEquals("", heads("a DATA frame isn't written until the window has room"));
    }

    @Test
    void scopeEndsAtContrast() {
        List<Token> tokens = Tokenizer.tokenize("not a pool but a goroutine");
        boolean[] scope = Negation.scope(tokens, 0, tokens.size());
        assertArrayEquals(new boolean[] {false, true, true, false, false, false}, scope);
    }

    @Test
    void whatAnAnswerChoosesAnotherThingInsteadOfIsDenied() {
        assertEquals("mutex", heads("one loop serialises the writes instead of a mutex per write"));
        assertEquals("parse", heads("it closes the connection rather than parse leftover bytes"));
        List<Token> tokens = Tokenizer.tokenize("it polls rather than using a WaitGroup");
        boolean[] scope = Negation.scope(tokens, 0, tokens.size());
        assertTrue(scope[tokens.size() - 1], "WaitGroup is what it does not use");
        assertFalse(scope[1], "polling is what it does");
    }

    @Test
    void insteadAloneAndOfAloneDenyNothing() {
        assertEquals("", heads("handlers queue the frames instead, and the loop writes them"));
        assertEquals("", heads("the cost of a channel hop per write"));
    }

    @Test
    void aNegationInAConditionAfterItsClaimDeniesNothing() {
        assertEquals("", heads("it polls the map until no tracked connection and no listener remain"));
        assertEquals("", heads("the server returns when no handler is running"));
        assertEquals("", heads("the connection leaks if you don't close the body"));
        // a condition that opens the clause may run into its claim: nothing is skipped
        assertEquals("wait", heads("when its context expires it does not wait"));
        assertEquals("timeout", heads("and if that is 0 too there is no timeout at all"));
        // denying the condition itself is a denial
        assertEquals("client", heads("cancelled when the handler returns not when the client leaves"));
    }

    @Test
    void norGoesOnDenyingWhatNeitherDenies() {
        List<Token> tokens = Tokenizer.tokenize("neither Write nor Header calls are safe");
        boolean[] scope = Negation.scope(tokens, 0, tokens.size());
        assertTrue(scope[tokens.size() - 1], "safe is denied");
        tokens = Tokenizer.tokenize("not without a lock");
        scope = Negation.scope(tokens, 0, tokens.size());
        assertFalse(scope[tokens.size() - 1], "two cues cancel out");
    }
}
