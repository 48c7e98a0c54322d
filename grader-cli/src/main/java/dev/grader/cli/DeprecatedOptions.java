package dev.grader.cli;

import java.io.PrintWriter;

/**
 * Old spellings that still work, with one line on standard error saying what to type instead. They are hidden
 * from help and from "did you mean", so nobody learns them anew.
 */
final class DeprecatedOptions {

    /**
     * {@code -f} meant {@code --format} in {@code show} and {@code eval} but {@code --file} in {@code grade}; it
     * means {@code --file} everywhere now, as in most tools ({@code tar -f}, {@code docker build -f},
     * {@code kubectl apply -f}).
     */
    static final String SHORT_FORMAT = "-f";

    private DeprecatedOptions() {
    }

    static void warnShortFormat(PrintWriter err, String command) {
        err.println("grader: warning: '" + command + " -f FORMAT' is deprecated; use --format (-f means --file, "
                + "as in 'grader grade -f FILE')");
        err.flush();
    }
}
