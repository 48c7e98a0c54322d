package dev.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.Version;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class RootCommandTest {

    @Test
    void versionNamesGraderAndTheJavaRuntime() {
        Cli.Result r = Cli.run("--version");

        assertEquals(0, r.exitCode());
        assertEquals("grader " + Version.get(), r.out().lines().findFirst().orElseThrow());
        assertTrue(r.out().lines().skip(1).findFirst().orElseThrow().startsWith("Java 17"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void helpListsEveryCommandWithItsHeaderAndExamples() {
        Cli.Result r = Cli.run("--help");

        assertEquals(0, r.exitCode());
        assertTrue(r.out().startsWith("Usage: grader [-hV] COMMAND\n"), r.out());
        assertTrue(r.out().contains("  compile  Compile a question bank into a rubric.\n"), r.out());
        assertTrue(r.out().contains("  lint     Check a rubric against the schema and for semantic problems.\n"), r.out());
        assertTrue(r.out().contains("  show     Print a rubric as a grading sheet.\n"), r.out());
        assertTrue(r.out().contains("  grade    Grade one answer and show the report.\n"), r.out());
        assertTrue(r.out().contains("  quiz     Drill yourself: answer questions and get graded.\n"), r.out());
        assertTrue(r.out().contains("\nExamples:\n  grader grade -q Q4 \"...\""), r.out());
        assertTrue(r.out().contains("\n  grader show -q Q1"), r.out());
        assertEquals(1, r.out().lines().filter(l -> l.startsWith("  grader ")).map(RootCommandTest::descriptionColumn)
                .distinct().count(), "the examples' descriptions line up:\n" + r.out());
        assertTrue(r.out().contains("Exit codes: 0 success, 1 findings (lint) or partial failures, 2 usage or input errors,\n"
                + "3 output could not be written, 130 interrupted, 141 output closed early."),
                r.out());
    }

    @Test
    void helpSubcommandShowsTheHelpOfOneCommand() {
        Cli.Result r = Cli.run("help", "compile");

        assertEquals(0, r.exitCode());
        assertTrue(r.out().startsWith("Compile a question bank into a rubric.\n\nUsage: grader compile "), r.out());
        assertTrue(r.out().contains("\nExamples:\n"), r.out());
    }

    @Test
    void everyCommandHasHelpWithExamples() {
        for (String command : new String[] {"compile", "lint", "show", "grade", "quiz"}) {
            Cli.Result r = Cli.run(command, "--help");

            assertEquals(0, r.exitCode(), command);
            assertTrue(r.out().contains("\nExamples:\n  grader " + command), command + ":\n" + r.out());
        }
    }

    @Test
    void noCommandIsAUsageErrorThatListsTheCommands() {
        Cli.Result r = Cli.run();

        assertEquals(2, r.exitCode());
        assertEquals("""
                grader: missing command; commands: help, compile, lint, show, grade, quiz, eval, batch
                Usage: grader [-hV] COMMAND
                Try 'grader --help' for more information.
                """, r.err());
        assertEquals("", r.out());
    }

    @Test
    void unknownCommandSuggestsTheNearestOne() {
        Cli.Result r = Cli.run("shwo");

        assertEquals(2, r.exitCode());
        assertEquals("""
                grader: unknown command 'shwo'; commands: help, compile, lint, show, grade, quiz, eval, batch
                Did you mean: grader show?
                Usage: grader [-hV] COMMAND
                Try 'grader --help' for more information.
                """, r.err());
    }

    @Test
    void unknownOptionShowsTheCommandsSynopsis() {
        Cli.Result r = Cli.run("lint", "--strict");

        assertEquals(2, r.exitCode());
        assertEquals("""
                grader: unknown option: '--strict'
                Usage: grader lint [-hvV] [--no-color] [RUBRIC]
                Try 'grader lint --help' for more information.
                """, r.err());
    }

    @Test
    void missingParameterIsAUsageError() {
        Cli.Result r = Cli.run("compile");

        assertEquals(2, r.exitCode());
        assertEquals("""
                grader: missing required parameter: 'BANK'
                Usage: grader compile [-hvV] [--no-color] [-o=FILE] [--suggest JUDGE-OPTIONS] BANK
                Try 'grader compile --help' for more information.
                """, r.err());
    }

    @Test
    void noColorIsFoundInTheRawArgumentsBeforeTheEndOfOptions() {
        assertTrue(GraderCli.noColorRequested(new String[] {"show", "--no-color"}));
        assertTrue(!GraderCli.noColorRequested(new String[] {"show", "--", "--no-color"}));
        assertTrue(!GraderCli.noColorRequested(new String[] {"show"}));
    }

    @Test
    void outputThatCannotBeWrittenFailsTheRun() {
        StringWriter errText = new StringWriter();
        assertEquals(3, runWithFailingOutput("No space left on device", errText));
        assertEquals("grader: cannot write to standard output: No space left on device\n", errText.toString());
    }

    @Test
    void aReaderThatWentAwayEndsTheRunQuietly() {
        StringWriter errText = new StringWriter();
        assertEquals(141, runWithFailingOutput("Broken pipe", errText));
        assertEquals("", errText.toString());
    }

    private static int runWithFailingOutput(String failure, StringWriter errText) {
        StandardOutput stdout = new StandardOutput(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException(failure);
            }
        });
        PrintWriter out = stdout.writer();
        PrintWriter err = new PrintWriter(errText);
        return GraderCli.run(GraderCli.commandLine(Terminal.plain(), out, err), stdout, out, err, "show", "-q", "Q1");
    }

    @Test
    void helpForAnUnknownCommandSaysWhatTheUnknownCommandItselfSays() {
        Cli.Result help = Cli.run("help", "bogus");
        assertEquals(2, help.exitCode());
        assertEquals(Cli.run("bogus").err().lines().findFirst().orElseThrow(),
                help.err().lines().findFirst().orElseThrow());
    }

    /** Where an example's description starts: after the run of spaces that ends the command. */
    private static int descriptionColumn(String exampleLine) {
        java.util.regex.Matcher gap = java.util.regex.Pattern.compile("\\S( {2,})\\S").matcher(exampleLine);
        return gap.find(2) ? gap.end(1) : -1;
    }
}
