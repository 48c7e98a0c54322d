package dev.grader.text;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CodeLinesTest {

    @ParameterizedTest
    @ValueSource(strings = {"ch := make(chan result)           // unbuffered", "go func() { ch <- slowCall() }()",
        "select {", "case <-r.Context().Done():", "}", "})", "    writeJSON(w, res)", "defer cancel()",
        "    mu      sync.Mutex", "    Addr:              \":8080\",",
        "if err := srv.Shutdown(ctx); err != nil { srv.Close() }", "log.Fatal(srv.Serve(ln))"})
    void pastedGoIsCode(String line) {
        assertTrue(CodeLines.looksLikeCode(line), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Shutdown waits for in-flight handlers to finish.", "Shutdown: graceful",
        "Call srv.Shutdown(ctx) from the signal handler", "r.Context() is cancelled when the client leaves",
        "if the goroutine hangs and the handler just does <-ch with out selecting on r.Context().Done() the handler "
                + "hangs too", "p(B) less than p(C) and p(C) less than p(A)",
        "ctx, cancel := context.WithTimeout(ctx, 30*time.Second); then srv.Shutdown(ctx) drains them.",
        "For HTTP/2 (h2), ConnState fires once per connection", "",
        "Shutdown: graceful, stops accepting new connections, but cancels every in-flight request context,",
        "for HTTP/2 though: ConnState fires once per stream, like middleware,",
        "Shutdown cancels r.Context() of in-flight requests so that handlers stop early {",
        "// a comment on its own is the writer's words"})
    void proseIsNot(String line) {
        assertFalse(CodeLines.looksLikeCode(line), line);
    }

    @Property
    void aSentenceOfPlainWordsIsNeverCode(@ForAll @Size(min = 1, max = 15) java.util.List<@AlphaChars
            @StringLength(min = 1, max = 10) String> words) {
        assertFalse(CodeLines.looksLikeCode(String.join(" ", words) + "."));
        assertFalse(CodeLines.looksLikeCode(String.join(" ", words)), String.join(" ", words));
    }
}
