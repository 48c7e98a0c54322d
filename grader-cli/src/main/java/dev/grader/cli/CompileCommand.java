package dev.grader.cli;

import dev.grader.InvalidInputException;
import dev.grader.OutputWriteException;
import dev.grader.compile.BankCompiler;
import dev.grader.internal.AtomicFiles;
import dev.grader.internal.IoErrors;
import dev.grader.llm.LlmJudge;
import dev.grader.llm.RubricSuggester;
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

/** {@code grader compile BANK [-o FILE] [--suggest JUDGE OPTIONS]}. */
@Command(
        name = "compile",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Compile a question bank into a rubric.",
        // The judge options only matter with --suggest (see the option list); listing them all would bury the
        // command's own.
        customSynopsis = "grader compile [-hvV] [--no-color] [-o=FILE] [--suggest JUDGE-OPTIONS] BANK",
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
            "  grader compile bank.jsonl -o bank.json && grader lint bank.json",
            "  grader compile bank.txt -o bank.json --suggest --judge openai   (then: grader lint bank.json)"
        })
final class CompileCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "BANK", description = "The question bank (.txt, .md, .jsonl or .json).")
    Path bank;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the rubric to FILE instead of standard output.")
    Path output;

    @Option(names = "--suggest",
            description = "After compiling, ask the model (--judge, --model, ...) for extra key points, aliases, "
                    + "misconceptions and follow-ups per question; they are stored with \"origin\": \"suggested\", "
                    + "listed by grader lint and ignored by grading until accepted.")
    boolean suggest;

    @Mixin
    CommonOptions common;

    @Mixin
    JudgeOptions judgeOptions;

    @Override
    public Integer call() {
        if (output != null) {
            checkOutput();
        }
        Rubric rubric;
        try (PipeWait wait = PipeWait.watch(spec.commandLine().getErr(), bank)) {
            rubric = BankCompiler.compile(bank);
        }
        if (suggest) {
            rubric = withSuggestions(rubric);
        }
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

    /** Adds the model's suggestions; says on stderr how many, which questions failed, and what it cost. */
    private Rubric withSuggestions(Rubric rubric) {
        LlmJudge model = JudgeFactory.createModel(judgeOptions, JudgeEnvironment.system(), "--suggest");
        RubricSuggester.Result result = RubricSuggester.of(model).suggest(rubric);
        PrintWriter err = spec.commandLine().getErr();
        result.failedQuestions().forEach((id, why) -> err.println("grader: " + id + ": no suggestions: " + why));
        err.println("Suggested " + result.keyPoints() + " key point(s), " + result.misconceptions()
                + " misconception(s), " + result.followUps() + " follow-up(s), awaiting review (grader lint lists "
                + "them; grading ignores them until their \"origin\": \"suggested\" is removed).");
        err.println(model.usage().summary() + " [" + model.provider().id() + " " + model.modelName() + "]");
        err.flush();
        return result.rubric();
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
        try {
            AtomicFiles.checkWritable(output);
        } catch (IOException e) {
            throw new InvalidInputException(output.toString(), null, "cannot write: " + IoErrors.reason(e), e);
        }
    }

    private void write(Rubric rubric) {
        try {
            RubricWriter.write(rubric, output);
        } catch (IOException e) {
            // -o was writable a moment ago: the device filled up or the folder changed
            throw new OutputWriteException(output.toString(), "cannot write: " + IoErrors.reason(e), e);
        }
    }
}
