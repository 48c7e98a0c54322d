package dev.grader.cli.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MarkdownSheetTest {

    @Test
    void escapesEmphasisCodeLinksAndHtml() {
        assertEquals("(\\*Server).Serve, a\\_b, \\`x\\`, \\[l\\](u), \\<-ch, a \\| b",
                MarkdownSheet.escape("(*Server).Serve, a_b, `x`, [l](u), <-ch, a | b"));
    }

    @Test
    void escapesAHashOnlyWhereItWouldStartAHeading() {
        assertEquals("\\# not a heading\nC# stays", MarkdownSheet.escape("# not a heading\nC# stays"));
    }

    @Test
    void codeSpansSurviveBackticksInside() {
        assertEquals("`r.Context()`", MarkdownSheet.codeSpan("r.Context()"));
        assertEquals("``a`b``", MarkdownSheet.codeSpan("a`b"));
        assertEquals("`` `x` ``", MarkdownSheet.codeSpan("`x`"));
    }
}
