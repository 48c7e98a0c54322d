package dev.grader.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/** Runs the CLI in-process, as {@code main} would, with captured output and a plain 100-column terminal. */
final class Cli {

    record Result(int exitCode, String out, String err) {
    }

    private Cli() {
    }

    static Result run(String... args) {
        return run(commandLine(), args);
    }

    /** Runs a command line built by the caller (for example with an extra test subcommand). */
    static Result run(CommandLine cmd, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int exitCode = cmd.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    static CommandLine commandLine() {
        return GraderCli.commandLine(Terminal.plain(), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
    }

    /** A test resource of this package, as text. */
    static String resource(String name) {
        try (InputStream in = Cli.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a test resource into {@code dir}, so commands read a real file. */
    static Path copy(String name, Path dir) {
        return write(dir.resolve(name), resource(name));
    }

    static Path write(Path file, String content) {
        try {
            return Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code text.replace(target, replacement)}, failing when the fixture no longer contains the target. */
    static String replace(String text, String target, String replacement) {
        if (!text.contains(target)) {
            throw new IllegalArgumentException("fixture does not contain: " + target);
        }
        return text.replace(target, replacement);
    }
}
