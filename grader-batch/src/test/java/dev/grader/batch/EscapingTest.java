package dev.grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EscapingTest {

    @Test
    void markdownInlineEscapesSyntaxAndFoldsLines() {
        assertEquals("\\<script\\>alert(1)\\</script\\> \\*bold\\* \\[x\\](http://e.x) \\| \\`c\\`",
                Markdown.inline("<script>alert(1)</script>\n*bold* [x](http://e.x) | `c`"));
        assertEquals("\\# not a heading", Markdown.inline("# not a heading"));
        assertEquals("1\\. not a list", Markdown.inline("1. not a list"));
        assertEquals("\\- not a bullet", Markdown.inline("- not a bullet"));
        assertEquals("\\&amp; and \\$x\\$", Markdown.inline("&amp; and $x$"));
    }

    @Test
    void markdownDropsBidiControlsAndReplacesControlCharacters() {
        assertEquals("abc\uFFFDd", Markdown.inline("a\u202Eb\u2066c\u0007d"));
    }

    @Test
    void markdownQuoteBlockQuotesEveryLine() {
        assertEquals("> first\n>\n> \\- item\n> 2\\) step\n", Markdown.quoteBlock("first\n\n- item\n2) step"));
    }

    @Test
    void htmlEscapesTextAndAttributeSpecials() {
        assertEquals("&lt;img src=x onerror=&quot;a()&quot;&gt; &amp; &#39;q&#39;",
                Html.escape("<img src=x onerror=\"a()\"> & 'q'"));
        assertEquals("a\uFFFDb\nc", Html.escape("a\u0000b\nc"));
    }
}
