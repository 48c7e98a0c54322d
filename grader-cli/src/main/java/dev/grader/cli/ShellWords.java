package dev.grader.cli;

import java.util.List;
import java.util.stream.Collectors;

/** Command lines to print for the user to run: words quoted as a POSIX shell reads them back. */
final class ShellWords {

    private ShellWords() {
    }

    static String join(List<String> words) {
        return words.stream().map(ShellWords::quote).collect(Collectors.joining(" "));
    }

    /** Plain when safe, else in single quotes ({@code it's} becomes {@code 'it'\''s'}). */
    static String quote(String word) {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_./=:,@%+-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
