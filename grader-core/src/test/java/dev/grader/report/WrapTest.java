package dev.grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WrapTest {

    @Test
    void wrapsAtTheWidthWithAHangingIndent() {
        assertEquals(List.of("  1. one two", "     three four", "     five"),
                Wrap.lines("one two three four five", 15, "  1. ", "     "));
    }

    @Test
    void keepsExplicitLineBreaksAndCollapsesSpaces() {
        assertEquals(List.of("- a b", "  c"), Wrap.lines("a   b\nc", 40, "- ", "  "));
    }

    @Test
    void neverBreaksAWordLongerThanTheLine() {
        assertEquals(List.of("see", "https://example.com/a/very/long/path", "now"),
                Wrap.lines("see https://example.com/a/very/long/path now", 10, "", ""));
    }

    @Test
    void emptyTextGivesThePrefixAlone() {
        assertEquals(List.of("  *"), Wrap.lines("", 10, "  *", "   "));
    }
}
