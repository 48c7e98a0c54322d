package dev.grader.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    @Test
    void codeIdentifiersAreSplitIntoWordsOfOneGroup() {
        List<Token> tokens = Tokenizer.tokenize("ReadHeaderTimeout and r.Context() and (*Server).Serve");
        assertEquals(List.of("read", "header", "timeout", "and", "r", "context", "and", "server", "serve"),
                tokens.stream().map(Token::lower).toList());
        assertEquals(tokens.get(0).group(), tokens.get(2).group());
        assertTrue(tokens.get(0).code());
        assertEquals(tokens.get(4).group(), tokens.get(5).group(), "r.Context() is one identifier");
        assertEquals(-1, tokens.get(3).group(), "a plain word has no group");
    }

    @Test
    void offsetsPointAtTheWordsInTheText() {
        String text = "Use r.Context() here";
        for (Token t : Tokenizer.tokenize(text)) {
            assertEquals(t.lower(), text.substring(t.start(), t.end()).toLowerCase(java.util.Locale.ROOT));
        }
    }

    @Test
    void contractionsBecomeNegationCues() {
        List<Token> tokens = Tokenizer.tokenize("It doesn't spawn, and can’t block");
        assertTrue(tokens.get(1).negation());
        assertEquals("not", tokens.get(1).lower());
        assertTrue(tokens.stream().filter(Token::negation).count() == 2, "curly apostrophes too");
    }

    @Test
    void stemsComeFromSnowballAndAbbreviationsAreExpanded() {
        List<Token> tokens = Tokenizer.tokenize("conns cancelled goroutines");
        assertEquals("connect", tokens.get(0).stem());
        assertEquals(tokens.get(1).stem(), Tokenizer.tokenize("canceled").get(0).stem());
        assertEquals("goroutin", tokens.get(2).stem());
    }

    @Test
    void versionsKeepTheirDots() {
        assertEquals(List.of("http", "1.1"), Tokenizer.tokenize("HTTP/1.1").stream().map(Token::lower).toList());
        assertEquals(List.of("go", "1.21"), Tokenizer.tokenize("Go 1.21+").stream().map(Token::lower).toList());
    }

    @Test
    void stopWordsKeepNegatorsAndQuantifiers() {
        assertTrue(StopWords.isStopWord("the"));
        assertTrue(!StopWords.isStopWord("not") && !StopWords.isStopWord("only") && !StopWords.isStopWord("each"));
    }
}
