package dev.grader.cli.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;

/**
 * Answers typed into a terminal: JLine's line editor on an xterm whose keyboard is a byte stream, as a real
 * terminal's is. A paste arrives between the bracketed-paste marks ESC[200~ and ESC[201~ that xterm and its kin
 * send once the program asks for them (ESC[?2004h).
 */
class TerminalAnswersTest {

    private static final String PASTE_START = "\u001b[200~";
    private static final String PASTE_END = "\u001b[201~";
    private static final String ENTER = "\r";

    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

    private Terminal terminal(String keys) throws IOException {
        return TerminalBuilder.builder().system(false).type("xterm-256color").encoding(StandardCharsets.UTF_8)
                .streams(new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)), screen).build();
    }

    /** What the terminal shows, without its control sequences (JLine shows a paste highlighted). */
    private String shown() {
        return screen.toString(StandardCharsets.UTF_8).replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "")
                .replaceAll("\u001b[=>]", "");
    }

    @Test
    void aPastedAnswerWithBlankLinesIsOneAnswer() throws IOException {
        String pasted = "Each connection gets its own goroutine.\n\nThe accept loop spawns it.\n";
        try (Terminal t = terminal(PASTE_START + pasted + PASTE_END + ENTER + ENTER + "next" + ENTER + ENTER)) {
            TerminalAnswers answers = new TerminalAnswers(t);

            AnswerReader.Answer answer = answers.read();

            assertEquals("Each connection gets its own goroutine.\n\nThe accept loop spawns it.", answer.text());
            assertFalse(answer.endOfInput());
            assertEquals("next", answers.read().text(), "the next answer starts after the empty line");
        }
        assertTrue(screen.toString(StandardCharsets.UTF_8).contains("\u001b[?2004h"), "bracketed paste is asked for");
        assertFalse(shown().contains("> > "), "prompts do not pile up: " + shown());
        assertTrue(shown().contains("> The accept loop spawns it."), "each pasted line is marked: " + shown());
    }

    @Test
    void typedLinesEndWithAnEmptyLine() throws IOException {
        try (Terminal t = terminal("first line" + ENTER + "second line" + ENTER + ENTER)) {
            assertEquals("first line\nsecond line", new TerminalAnswers(t).read().text());
        }
    }

    @Test
    void theEndOfInputAtAnEmptyPromptEndsTheQuizAndCtrlCInterruptsIt() throws IOException {
        try (Terminal t = terminal("")) {
            assertNull(new TerminalAnswers(t).read());
        }
        // Ctrl-C is a signal of the terminal's line discipline: it must come while the prompt waits, as a key does
        java.io.PipedOutputStream keyboard = new java.io.PipedOutputStream();
        java.io.PipedInputStream keys = new java.io.PipedInputStream(keyboard);
        try (Terminal t = TerminalBuilder.builder().system(false).type("xterm-256color")
                .encoding(StandardCharsets.UTF_8).streams(keys, screen).build()) {
            TerminalAnswers answers = new TerminalAnswers(t);
            // The typist stays alive until the prompt has returned: a PipedInputStream whose writing thread has
            // ended fails the terminal's next read ("Write end dead") instead of waiting, a race with the prompt
            java.util.concurrent.CountDownLatch read = new java.util.concurrent.CountDownLatch(1);
            Thread typist = new Thread(() -> {
                try {
                    keyboard.write("half an ans".getBytes(StandardCharsets.UTF_8));
                    keyboard.flush();
                    Thread.sleep(300);
                    keyboard.write(3);
                    keyboard.flush();
                    read.await();
                    keyboard.close();
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            typist.start();
            try {
                assertNull(answers.read());
                assertTrue(answers.interrupted());
            } finally {
                read.countDown();
            }
        }
    }
}
