package dev.grader.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SegmenterTest {

    private static List<String> sentences(String text) {
        return Segmenter.sentences(text).stream().map(s -> text.substring(s.start(), s.end())).toList();
    }

    @Test
    void sentencesEndAtStopsButNotInsideCode() {
        assertEquals(List.of("It runs an accept loop in (*Server).Serve.", "Then it calls go c.serve(ctx).",
                "See r.Context(), e.g. for cancellation."),
                sentences("It runs an accept loop in (*Server).Serve. Then it calls go c.serve(ctx). See r.Context(), "
                        + "e.g. for cancellation."));
    }

    @Test
    void bulletsAndNumberedLinesAreSentencesWithoutTheirMarkers() {
        assertEquals(List.of("first point", "second point", "third point"),
                sentences("- first point\n* second point\n3. third point"));
    }

    @Test
    void aFencedCodeBlockIsOneSentenceApartFromTheProseAroundIt() {
        String code = "```go\nsrv := &http.Server{\n    Addr: \":8080\",\n}\n```";
        assertEquals(List.of("The usual main looks like this:", code, "Shutdown is the graceful path."),
                sentences("The usual main looks like this:\n" + code + "\nShutdown is the graceful path."));
        String text = "Intro.\n" + code;
        Span block = Segmenter.sentences(text).get(1);
        assertEquals(List.of(block), Segmenter.clauses(text, block));
    }

    @Test
    void anUnclosedFenceRunsToTheEnd() {
        assertEquals(List.of("Like this:", "~~~\nsrv.Shutdown(ctx). Then Close."),
                sentences("Like this:\n  ~~~\nsrv.Shutdown(ctx). Then Close."));
    }

    @Test
    void aWrappedLineContinuesItsSentence() {
        assertEquals(List.of("the server closes the\nconnection after the handler returns"),
                sentences("the server closes the\nconnection after the handler returns"));
    }

    @Test
    void clausesSplitAtCommasSemicolonsAndContrast() {
        String text = "Shutdown waits, but Close does not; it drops them";
        Span sentence = Segmenter.sentences(text).get(0);
        assertEquals(List.of("Shutdown waits", "but Close does not", "it drops them"),
                Segmenter.clauses(text, sentence).stream().map(s -> text.substring(s.start(), s.end())).toList());
    }

    @Test
    void andOpensAClauseOnlyBeforeANameWithAVerbOfItsOwn() {
        assertEquals(List.of("Close is graceful", "and Shutdown is forceful."),
                clauses("Close is graceful and Shutdown is forceful."));
        assertEquals(List.of("Shutdown waits for handlers", "and Close drops them."),
                clauses("Shutdown waits for handlers and Close drops them."));
        // words joined, not clauses: a compound subject, a list of objects, a verbless start
        assertEquals(List.of("Shutdown and Close are different."), clauses("Shutdown and Close are different."));
        assertEquals(List.of("It closes the listener and idle connections."),
                clauses("It closes the listener and idle connections."));
        assertEquals(List.of("Serve and ListenAndServe are blocking calls."),
                clauses("Serve and ListenAndServe are blocking calls."));
    }

    private static List<String> clauses(String text) {
        Span sentence = Segmenter.sentences(text).get(0);
        return Segmenter.clauses(text, sentence).stream().map(s -> text.substring(s.start(), s.end())).toList();
    }
}
