package dev.grader.cli.quiz;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * Answers typed at a terminal, through JLine's line editor: arrow keys and history work, and a pasted multi-line
 * answer is one answer. Terminals that support bracketed paste (xterm and its kin, most others) mark a paste, so
 * its blank lines stay in the answer and the prompt is drawn once, with {@code "> "} before each of its lines,
 * instead of one {@code "> "} per pasted line piling up ({@code > > >}). The answer ends, as in a pipe, with an
 * empty line; Ctrl-D at an empty prompt ends the input; Ctrl-C, which a terminal in line-editing mode sends as a
 * key rather than a signal, ends the quiz as the signal would.
 */
final class TerminalAnswers {

    static final String PROMPT = "> ";

    private final LineReader reader;
    private volatile boolean interrupted;

    TerminalAnswers(Terminal terminal) {
        this.reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .option(LineReader.Option.BRACKETED_PASTE, true)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // "!" in an answer is text
                .option(LineReader.Option.INSERT_TAB, true)              // a tab is text, not completion
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, PROMPT)   // the lines of a paste, marked
                .variable(LineReader.HISTORY_SIZE, 0)
                .build();
    }

    /**
     * @return the answer, or null when the input ended (or the learner pressed Ctrl-C) before anything was typed
     */
    AnswerReader.Answer read() {
        StringBuilder text = new StringBuilder();
        boolean cut = false;
        while (true) {
            String line;
            try {
                line = reader.readLine(PROMPT);
            } catch (EndOfFileException e) {
                return text.length() == 0 ? null : new AnswerReader.Answer(text.toString(), true, cut);
            } catch (UserInterruptException e) {
                interrupted = true;
                return null;
            }
            String lines = line.replace("\r\n", "\n").replace('\r', '\n').stripTrailing();
            if (lines.isBlank()) {
                return new AnswerReader.Answer(text.toString(), false, cut);
            }
            if (text.length() > 0) {
                text.append('\n');
            }
            int room = AnswerReader.MAX_CHARS - text.length();
            if (lines.length() > room) {
                cut = true;
                text.append(lines, 0, Math.max(0, room));
            } else {
                text.append(lines);
            }
        }
    }

    /** Whether the learner pressed Ctrl-C at a prompt. */
    boolean interrupted() {
        return interrupted;
    }
}
