package dev.grader.cli.quiz;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads multi-line answers: lines up to an empty (or blank) line or the end of input. Memory is bounded: an
 * answer keeps at most {@link #MAX_CHARS} chars and the rest of it is read and dropped, so a huge paste or an
 * endless pipe cannot exhaust memory. Bytes that are not UTF-8 become U+FFFD: this is typed text, not a file.
 *
 * <p>The end of input is not remembered: on a terminal, Ctrl-D ends the answer being typed and the learner can
 * go on typing; a pipe simply reports its end again at the next read.
 */
public final class AnswerReader {

    /** Twice what grader grades (32,768 chars): enough for any answer, small enough to hold. */
    public static final int MAX_CHARS = 65_536;

    /**
     * An answer as typed.
     *
     * @param text       the lines, joined with {@code \n}, without the closing empty line
     * @param endOfInput whether the input ended it (rather than an empty line)
     * @param cut        whether it was longer than {@link #MAX_CHARS} and only its beginning was kept
     */
    public record Answer(String text, boolean endOfInput, boolean cut) {
    }

    private final Reader in;

    public AnswerReader(InputStream in) {
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /**
     * Reads one answer.
     *
     * @param beforeEachLine called before each line is read (a prompt on a terminal)
     * @return the answer, or {@code null} when the input ended before anything was typed
     */
    public Answer read(Runnable beforeEachLine) {
        StringBuilder text = new StringBuilder();
        boolean cut = false;
        boolean first = true;
        while (true) {
            beforeEachLine.run();
            StringBuilder line = new StringBuilder();
            int end = readLine(line, MAX_CHARS + 1);
            if (end < 0 && line.length() == 0) {
                return first ? null : new Answer(text.toString(), true, cut);
            }
            first = false;
            if (line.toString().isBlank() && end >= 0) {
                return new Answer(text.toString(), false, cut);
            }
            if (text.length() > 0) {
                text.append('\n');
            }
            int room = MAX_CHARS - text.length();
            if (line.length() > room) {
                cut = true;
                text.append(line, 0, Math.max(0, room));
            } else {
                text.append(line);
            }
            if (end < 0) {
                return new Answer(text.toString(), true, cut);
            }
        }
    }

    /**
     * Reads up to the next line break into {@code line}, keeping at most {@code max} chars of it.
     *
     * @return 0 after a line break, -1 at the end of input
     */
    private int readLine(StringBuilder line, int max) {
        try {
            int c;
            while ((c = in.read()) >= 0) {
                if (c == '\n') {
                    stripCarriageReturn(line);
                    return 0;
                }
                if (line.length() < max) {
                    line.append((char) c);
                }
            }
            stripCarriageReturn(line);
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stripCarriageReturn(StringBuilder line) {
        int n = line.length();
        if (n > 0 && line.charAt(n - 1) == '\r') {
            line.setLength(n - 1);
        }
    }
}
