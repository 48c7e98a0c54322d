package dev.grader.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/**
 * Standard input as commands see it: the stream, and whether a person types into it. Commands hold one in a
 * package-private field that tests replace with {@link #of(String, boolean)}.
 */
final class StandardInput {

    private final InputStream stream;
    private final BooleanSupplier terminalCheck;
    private Boolean terminal;

    private StandardInput(InputStream stream, BooleanSupplier terminalCheck) {
        this.stream = stream;
        this.terminalCheck = terminalCheck;
    }

    /** The process's standard input; whether it is a terminal is asked only when needed. */
    static StandardInput system() {
        return new StandardInput(System.in, StandardInput::stdinIsTerminal);
    }

    /** Fixed text, as a pipe or as typed on a terminal. */
    static StandardInput of(String text, boolean terminal) {
        return new StandardInput(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), () -> terminal);
    }

    /** Fixed bytes, piped. */
    static StandardInput of(InputStream stream) {
        return new StandardInput(stream, () -> false);
    }

    InputStream stream() {
        return stream;
    }

    /** Whether a person types into it: then reading waits for them, and prompts make sense. */
    synchronized boolean isTerminal() {
        if (terminal == null) {
            terminal = terminalCheck.getAsBoolean();
        }
        return terminal;
    }

    /**
     * Java 17 cannot tell (System.console() is null as soon as standard output is redirected), so JLine asks
     * the OS, as {@link ProgressReporter} does for standard error.
     */
    private static boolean stdinIsTerminal() {
        try {
            return TerminalProvider.load("exec").isSystemStream(SystemStream.Input);
        } catch (Exception | LinkageError e) {
            return System.console() != null;
        }
    }
}
