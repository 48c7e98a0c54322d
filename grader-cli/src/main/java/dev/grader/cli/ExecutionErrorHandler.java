package dev.grader.cli;

import dev.grader.InvalidInputException;
import dev.grader.OutputWriteException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Errors while a command runs. Bad input is the user's to fix, so it gets one line that names the file and
 * place (the core's exceptions carry both). Anything else is a bug in grader: one line and a hint. Stack traces
 * only with {@code --verbose}. No colour: standard error may be a log file even when standard output is a
 * terminal.
 */
final class ExecutionErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        boolean verbose = verboseRequested(parsed);
        if (ex instanceof InvalidInputException || ex instanceof OutputWriteException) {
            err.println("grader: " + printable(ex.getMessage()));
        } else {
            err.println("grader: internal error: " + describe(ex));
            if (!verbose) {
                err.println("Rerun with --verbose to see the stack trace, and please report it.");
            }
        }
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.of(ex);
    }

    /**
     * One line whatever the input was: a question id or file name with control characters (an escape sequence, a
     * line break) must not recolour the terminal or split the message.
     */
    static String printable(String message) {
        return message == null ? "" : message.replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]", "?");
    }

    /** {@code --verbose} may sit on any command of the chain ({@code grader compile --verbose ...}). */
    static boolean verboseRequested(ParseResult parsed) {
        for (ParseResult r = parsed; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption(CommonOptions.VERBOSE)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable ex) {
        String message = ex.getMessage();
        String firstLine = message == null || message.isBlank() ? "" : message.lines().findFirst().orElse("");
        return firstLine.isEmpty() ? ex.getClass().getName() : firstLine;
    }
}
