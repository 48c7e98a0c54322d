package dev.grader.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Snowball English (Porter2) stems, as in the algorithm's published sample vocabulary. */
class StemmerTest {

    @ParameterizedTest
    @CsvSource({"consign,consign", "consigned,consign", "consigning,consign", "consignment,consign",
            "consolation,consol", "generously,generous", "knightly,knight", "gracefully,grace",
            "connections,connect", "handlers,handler", "goroutines,goroutin", "http2,http2", "ok,ok"})
    void stemsLikeSnowballEnglish(String word, String stem) {
        assertEquals(stem, Stemmer.stem(word));
    }
}
