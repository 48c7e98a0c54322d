package dev.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.InvalidInputException;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** The two handlers and the exit code mapping, driven through a throwaway subcommand. */
class ErrorHandlingTest {

    @Command(name = "fail")
    static final class FailCommand implements Callable<Integer> {
        @Parameters
        String what;

        @Mixin
        CommonOptions common;

        @Override
        public Integer call() {
            if (what.equals("input")) {
                throw new InvalidInputException("answers.csv", "line 3", "missing column 'answer'");
            }
            throw new IllegalStateException("the judge returned no verdict");
        }
    }

    private static Cli.Result run(String... args) {
        CommandLine cmd = Cli.commandLine();
        cmd.addSubcommand(new FailCommand());
        return Cli.run(cmd, args);
    }

    @Test
    void badInputIsOneLineNamingFileAndPlaceWithExitCode2() {
        Cli.Result r = run("fail", "input");

        assertEquals(2, r.exitCode());
        assertEquals("grader: answers.csv: line 3: missing column 'answer'\n", r.err());
    }

    @Test
    void unexpectedExceptionIsAnInternalErrorWithAHintAndNoStackTrace() {
        Cli.Result r = run("fail", "bug");

        assertEquals(2, r.exitCode());
        assertEquals("""
                grader: internal error: the judge returned no verdict
                Rerun with --verbose to see the stack trace, and please report it.
                """, r.err());
    }

    @Test
    void verboseAddsTheStackTrace() {
        Cli.Result r = run("fail", "bug", "--verbose");

        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("grader: internal error: the judge returned no verdict\n"
                + "java.lang.IllegalStateException: the judge returned no verdict\n\tat "), r.err());
    }

    @Test
    void verboseAddsTheStackTraceToInputErrorsToo() {
        Cli.Result r = run("fail", "input", "-v");

        assertTrue(r.err().startsWith("grader: answers.csv: line 3: missing column 'answer'\n"
                + "dev.grader.InvalidInputException: answers.csv: line 3: missing column 'answer'\n\tat "), r.err());
    }

    @Test
    void exitCodesAreMappedInOnePlace() {
        assertEquals(2, ExitCodes.of(new InvalidInputException("x", null, "bad")));
        assertEquals(2, ExitCodes.of(new IllegalStateException()));
        assertEquals(1, ExitCodes.FINDINGS);
        assertEquals(0, ExitCodes.OK);
    }
}
