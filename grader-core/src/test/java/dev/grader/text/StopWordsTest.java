package dev.grader.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class StopWordsTest {

    @Test
    void readsSnowballsListFormat() {
        String list = " | a comment line\n\nthe            | article\nhe she  | several words on one line\r\nit|x\n";
        assertEquals(Set.of("the", "he", "she", "it"), StopWords.snowballWords(list));
    }

    @Test
    void dropsSnowballsStopWordsButKeepsNegatorsAndQuantifiers() {
        for (String word : new String[] {"the", "and", "ourselves", "were", "because", "also"}) {
            assertTrue(StopWords.isStopWord(word), word);
        }
        for (String word : new String[] {"not", "no", "only", "each", "before", "goroutine", "mine"}) {
            assertFalse(StopWords.isStopWord(word), word);
        }
    }
}
