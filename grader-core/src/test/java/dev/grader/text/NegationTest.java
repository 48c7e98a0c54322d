package dev.grader.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
