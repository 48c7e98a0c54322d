package dev.grader.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.grader.compile.BankCompiler;
import dev.grader.rubric.Question;
import dev.grader.text.Token;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an answer claims, as opposed to what it shows or supposes. */
class AnswerModelTest {

    static final Question QUESTION = BankCompiler.compile("""
            {"id": "Q1", "question": "Why does a handler goroutine leak?", "modelAnswer": "It blocks on a send."}
            """, "bank.jsonl").question("Q1").orElseThrow();

    static AnswerModel model(String answer) {
        return new AnswerModel(answer, Entities.of(QUESTION));
    }

    static List<String> words(AnswerModel am, java.util.function.IntPredicate which) {
        List<String> out = new ArrayList<>();
        List<Token> tokens = am.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            if (which.test(i) && tokens.get(i).content()) {
                out.add(tokens.get(i).lower());
            }
        }
        return out;
    }

    @Test
    void neighbouringSentencesAreAlsoReadTogether() {
        String text = "It blocks on a send. Nobody receives, so it waits forever.";
        AnswerModel am = model(text);
        List<String> joined = am.windows().stream().filter(Window::joined)
                .map(w -> text.substring(w.start(), w.end())).toList();
        assertEquals(List.of(text), joined);
        assertEquals(false, am.windows().stream().anyMatch(w -> w.joined() && w.clause()));
    }

    @Test
    void codePastedWithoutFencesShowsRatherThanClaims() {
        AnswerModel am = model("The naive version:\n\nch := make(chan result) // unbuffered\ngo func() { ch <- slowCall() }()"
                + "\nselect {\ncase res := <-ch:\n    writeJSON(w, res)\n}\n\nThe send blocks forever.");
        List<String> prose = words(am, i -> !am.inCode(i));
        assertEquals(List.of("naive", "version", "send", "blocks", "forever"), prose);
    }

    @Test
    void theLinesOfABraceBlockPastedWithoutFencesAreCode() {
        AnswerModel am = model("It needs its own registry.\n\ntype hub struct {\n    mu      sync.Mutex\n    closing bool\n"
                + "    conns   map[*websocket.Conn]struct{}\n}\n\nClose them on shutdown.");
        List<String> prose = words(am, i -> !am.inCode(i));
        assertEquals(List.of("needs", "own", "registry", "close", "shutdown"), prose);
    }

    @Test
    void codeBetweenFencesShowsRatherThanClaims() {
        AnswerModel am = model("The send blocks forever.\n```go\nch := make(chan result) // unbuffered\n```\nBuffer it.");
        List<String> code = words(am, am::inCode);
        assertEquals(true, code.containsAll(List.of("result", "unbuffered")), code.toString());
        assertEquals(List.of("send", "blocks", "forever"), words(am, i -> !am.inCode(i)).subList(0, 3));
        assertEquals(false, code.contains("buffer"), code.toString());
    }

    @Test
    void anUnclosedFenceRunsToTheEnd() {
        AnswerModel am = model("Like this:\n~~~\nmu sync.Mutex");
        List<String> code = words(am, am::inCode);
        assertEquals(true, code.contains("mutex"), code.toString());
        assertEquals(false, code.contains("like"), code.toString());
    }

    @Test
    void anIfClauseOfItsOwnSupposes() {
        AnswerModel am = model("If the channel were buffered, the send would complete. Unless you buffer it it leaks.");
        assertEquals(List.of("channel", "buffered"), words(am, am::supposed));
    }
}
