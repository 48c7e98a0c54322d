package dev.grader.cli;

import picocli.CommandLine.Option;

/** Options every subcommand takes: {@code @Mixin CommonOptions common;}. */
final class CommonOptions {

    /** Names looked up outside the commands: by the error handler in the parse result, by main in the raw args. */
    static final String VERBOSE = "--verbose";
    static final String NO_COLOR = "--no-color";

    @Option(names = {"-v", VERBOSE}, description = "Show stack traces of errors.")
    boolean verbose;

    @Option(names = NO_COLOR, description = "Plain output without ANSI styles (also: NO_COLOR environment variable).")
    boolean noColor;

    /** The terminal as this command should use it. */
    Terminal terminal() {
        return Terminal.detect(noColor);
    }

    boolean verbose() {
        return verbose;
    }
}
