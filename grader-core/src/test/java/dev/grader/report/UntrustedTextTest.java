package dev.grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UntrustedTextTest {

    @Test
    void collapsesWhitespaceAndLineBreaksIntoSingleSpaces() {
        assertEquals("a b c", UntrustedText.line("  a \n\n b\t\r\nc  "));
        assertEquals("", UntrustedText.line(" \n "));
        assertEquals("", UntrustedText.line(null));
    }

    @Test
    void replacesControlCharactersAndDropsBidiControlsAndLoneSurrogates() {
        assertEquals("a\uFFFD[31mb\uFFFD", UntrustedText.line("a\u001b[31mb\u0007"));
        assertEquals("abc", UntrustedText.line("a\u202Eb\u2066c\u2069"));
        assertEquals("ab", UntrustedText.line("a\uD800b"));
        assertEquals("a 😀 b", UntrustedText.line("a 😀 b"));
    }

    @Test
    void cutsLongQuotesAtAWordBoundaryWithAnEllipsis() {
        assertEquals("short", UntrustedText.quote("short", 10));
        assertEquals("exactly 10", UntrustedText.quote("exactly 10", 10));
        assertEquals("one two…", UntrustedText.quote("one two three four", 10));
        assertEquals("abcdefghi…", UntrustedText.quote("abcdefghijklmnop", 10));
    }

    @Test
    void neverCutsBetweenTheHalvesOfASurrogatePair() {
        assertEquals("abcdefgh…", UntrustedText.quote("abcdefgh😀😀😀", 10));
    }
}
