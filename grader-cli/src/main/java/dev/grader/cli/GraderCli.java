package dev.grader.cli;

import dev.grader.internal.IoErrors;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code grader} command: a container of subcommands, one class each. */
@Command(
        name = "grader",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Grades free-text answers against model answers, from rubrics compiled out of question banks.",
        commandListHeading = "%nCommands:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  grader grade -q Q4 \"...\"                grade one answer",
            "  grader quiz --level senior              drill yourself on a level",
            "  grader show -q Q1                       the grading sheet of question Q1",
            "  grader compile bank.txt -o bank.json    compile a question bank into a rubric",
            "  grader lint bank.json                   check a hand-edited rubric",
            "  grader batch submissions/ -o out/       grade a cohort of take-homes",
            "  grader eval --gold answers.jsonl        agreement with human grades",
            "  grader help compile                     help on one command",
            "",
            "Exit codes: 0 success, 1 findings (lint) or partial failures, 2 usage or input errors,",
            "3 output could not be written, 130 interrupted, 141 output closed early."
        },
        subcommands = {
            HelpCommand.class,
            CompileCommand.class,
            LintCommand.class,
            ShowCommand.class,
            GradeCommand.class,
            QuizCommand.class,
            EvalCommand.class,
            BatchCommand.class,
        })
public final class GraderCli implements Runnable {

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        StandardOutput stdout = StandardOutput.system();
        PrintWriter out = stdout.writer();
        PrintWriter err = utf8(FileDescriptor.err);
        int exitCode = run(commandLine(Terminal.detect(noColorRequested(args)), out, err), stdout, out, err, args);
        EmbeddingWarmUp.awaitBeforeExit();
        System.exit(exitCode);
    }

    /**
     * Runs a command. Output that could not be written fails a run that would otherwise succeed (a script must
     * not trust a report lost to a full disk); a reader that went away ends it quietly with 141, as SIGPIPE would.
     */
    static int run(CommandLine cmd, StandardOutput stdout, PrintWriter out, PrintWriter err, String... args) {
        int exitCode = cmd.execute(args);
        out.flush();
        if (stdout.failure() != null) {
            if (stdout.readerGone()) {
                exitCode = StandardOutput.BROKEN_PIPE;
            } else if (exitCode == ExitCodes.OK) {
                err.println("grader: cannot write to standard output: " + IoErrors.reason(stdout.failure()));
                exitCode = ExitCodes.OUTPUT_ERROR;
            }
        }
        err.flush();
        return exitCode;
    }

    /** {@code grader} alone: a parse error that lists the commands. */
    @Override
    public void run() {
        CommandLine cmd = spec.commandLine();
        throw new ParameterException(cmd, "missing command; commands: " + ParameterErrorHandler.commands(cmd));
    }

    /**
     * The configured command line: error handlers, exit codes, colour and help width. Tests call this with
     * their own writers.
     */
    static CommandLine commandLine(Terminal terminal, PrintWriter out, PrintWriter err) {
        CommandLine cmd = new CommandLine(new GraderCli());
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setParameterExceptionHandler(new ParameterErrorHandler());
        cmd.setExecutionExceptionHandler(new ExecutionErrorHandler());
        cmd.setExitCodeExceptionMapper(ExitCodes.mapper());
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setUsageHelpWidth(Math.max(55, terminal.width()));
        cmd.setColorScheme(Help.defaultColorScheme(terminal.color() ? Help.Ansi.ON : Help.Ansi.OFF));
        applyHelpLayout(cmd);
        return cmd;
    }

    /** The same help layout for every command, including ones added later: headed, blank-line separated. */
    private static void applyHelpLayout(CommandLine cmd) {
        UsageMessageSpec usage = cmd.getCommandSpec().usageMessage();
        if (usage.header().length > 0) {
            usage.synopsisHeading("%nUsage: ");
        }
        usage.descriptionHeading("%n");
        usage.parameterListHeading("%nParameters:%n");
        usage.optionListHeading("%nOptions:%n");
        cmd.getSubcommands().values().forEach(GraderCli::applyHelpLayout);
    }

    /**
     * Help and parse errors are printed before options are bound, so {@code --no-color} is looked for in the raw
     * arguments too (up to {@code --}, after which everything is a positional parameter).
     */
    static boolean noColorRequested(String[] args) {
        return Arrays.stream(args).takeWhile(a -> !a.equals("--")).anyMatch(CommonOptions.NO_COLOR::equals);
    }

    /** grader always writes UTF-8: rubrics are JSON, and banks are full of em dashes and arrows. */
    private static PrintWriter utf8(FileDescriptor fd) {
        return new PrintWriter(new OutputStreamWriter(new FileOutputStream(fd), StandardCharsets.UTF_8), false);
    }
}
