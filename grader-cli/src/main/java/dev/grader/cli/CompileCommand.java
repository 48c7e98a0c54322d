package dev.grader.cli;

import dev.grader.InvalidInputException;
import dev.grader.compile.BankCompiler;
import dev.grader.rubric.Rubric;
import dev.grader.rubric.RubricWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code grader compile BANK [-o FILE]}. */
@Command(
        name = "compile",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Compile a question bank into a rubric.",
        description = {
            "Reads a question bank and writes its rubric: per question, weighted key points, misconceptions "
                    + "and follow-up probes, as JSON that validates against rubrics/rubric.schema.json.",
            "",
            "Banks: plain text or Markdown (title, level headings, 'Q<n>.' questions, 'Model answer.', "
                    + "'Common wrong answers.', 'Follow-up.'), or JSON Lines / a JSON array of "
                    + "{\"id\", \"question\", \"modelAnswer\", ...} objects.",
            "",
            "The same bank always gives a byte-identical rubric. With -o the file is replaced atomically, and "
                    + "only when compiling succeeds."
        },
        sortOptions = false,
        footerHeading = "%nExamples:%n",
        footer = {
            "  grader compile rubrics/net-http-server-concurrency.txt",
            "  grader compile rubrics/net-http-server-concurrency.txt -o rubrics/net-http-server-concurrency.json",
            "  grader compile bank.jsonl -o bank.json && grader lint bank.json"
        })
final class CompileCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "BANK", description = "The question bank (.txt, .md, .jsonl or .json).")
    Path bank;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the rubric to FILE instead of standard output.")
    Path output;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        if (output != null) {
            checkOutput();
        }
        Rubric rubric = BankCompiler.compile(bank);
        PrintWriter out = spec.commandLine().getOut();
        if (output == null) {
            out.print(RubricWriter.toJson(rubric));
        } else {
            write(rubric);
            out.println("Wrote " + output + ": " + RubricSummary.of(rubric) + ".");
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Fail before compiling, so a mistyped -o costs nothing and never clobbers the bank itself. */
    private void checkOutput() {
        if (Files.isDirectory(output)) {
            throw new InvalidInputException(output.toString(), null, "is a directory, expected a file for -o");
        }
        try {
            if (Files.exists(output) && Files.exists(bank) && Files.isSameFile(output, bank)) {
                throw new InvalidInputException(output.toString(), null,
                        "is the question bank itself; choose another file for -o");
            }
        } catch (IOException e) {
            // Unreadable paths are reported by the compile or the write, with their own messages.
        }
    }

    private void write(Rubric rubric) {
        try {
            RubricWriter.write(rubric, output);
        } catch (IOException e) {
            throw new InvalidInputException(output.toString(), null, "cannot write: " + IoErrors.reason(e), e);
        }
    }
}
