package dev.grader.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Parse errors (unknown command or option, missing argument, bad value): the message, suggestions for a
 * mistyped name, the command's synopsis and where to find more. Not the full help: that buries the message.
 */
final class ParameterErrorHandler implements IParameterExceptionHandler {

    private static final String USAGE = "Usage: ";

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("grader: " + ExecutionErrorHandler.printable(message(ex)));
        List<String> options = ex instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()
                ? OptionSuggestions.of(cmd.getCommandSpec(), unmatched.getUnmatched().get(0)) : List.of();
        if (!options.isEmpty()) {
            err.println("Did you mean: " + String.join(" or ", options) + "?");
        } else {
            UnmatchedArgumentException.printSuggestions(ex, err);
        }
        // Plain: standard error may be a log file even when standard output is a terminal. Not fullSynopsis():
        // help layouts may give the heading a leading blank line.
        Help plain = new Help(cmd.getCommandSpec(), Help.defaultColorScheme(Help.Ansi.OFF));
        err.print(USAGE + plain.synopsis(USAGE.length()));
        err.printf("Try '%s --help' for more information.%n", cmd.getCommandSpec().qualifiedName());
        err.flush();
        return ExitCodes.INPUT_ERROR;
    }

    /** picocli's message, except where a container's words are clearer: "unknown command 'x'". */
    static String message(ParameterException ex) {
        CommandLine cmd = ex.getCommandLine();
        if (ex instanceof UnmatchedArgumentException unmatched && !cmd.getSubcommands().isEmpty()) {
            List<String> args = unmatched.getUnmatched();
            if (!args.isEmpty() && !args.get(0).startsWith("-")) {
                return "unknown command '" + args.get(0) + "'; commands: " + commands(cmd);
            }
        }
        if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()
                && unmatched.getUnmatched().get(0).matches("(?s)-+\\s.*")) {
            // a pasted bullet list ("- Shutdown is graceful") is text, not an option
            return decapitalize(ex.getMessage()) + "; an answer that starts with '-' goes after --, as in "
                    + cmd.getCommandSpec().qualifiedName() + " ... -- '" + unmatched.getUnmatched().get(0) + "'";
        }
        Matcher help = UNKNOWN_SUBCOMMAND.matcher(String.valueOf(ex.getMessage()));
        if (help.matches()) {
            // "grader help bogus" says what "grader bogus" says
            CommandLine root = cmd.getParent() != null ? cmd.getParent() : cmd;
            return "unknown command '" + help.group(1) + "'; commands: " + commands(root);
        }
        return decapitalize(ex.getMessage());
    }

    private static final Pattern UNKNOWN_SUBCOMMAND = Pattern.compile("Unknown subcommand '(.*)'\\.");

    static String commands(CommandLine cmd) {
        return String.join(", ", cmd.getSubcommands().keySet());
    }

    /** "Unknown option: '-x'" becomes "unknown option: '-x'", in line with grader's other messages. */
    private static String decapitalize(String message) {
        if (message == null || message.length() < 2 || !Character.isLowerCase(message.charAt(1))) {
            return String.valueOf(message);
        }
        return Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }
}
