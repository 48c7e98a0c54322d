package dev.grader.cli;

import dev.grader.GradeReport;
import dev.grader.examples.GradedExamples;
import dev.grader.Grader;
import dev.grader.report.ReportRenderer;
import dev.grader.report.TextReportRenderer;
import dev.grader.rubric.Question;
import dev.grader.rubric.Rubric;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code grader grade [-r RUBRIC] -q ID [ANSWER... | -f FILE | -] [--format text|json|markdown]}. */
@Command(
        name = "grade",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Grade one answer and show the report.",
        description = {
            "Grades an answer to one question of a rubric: the score and verdict, each key point covered, "
                    + "partial, missed or contradicted with the words of the answer that show it, misconceptions "
                    + "with their corrections, follow-up questions to ask next, and feedback.",
            "",
            "The answer comes from the arguments (words are joined with spaces), from a file (-f), or from "
                    + "standard input ('-', or when no answer is given and standard input is not a terminal). "
                    + "An empty answer is graded (it scores 0). Input is read up to 4 MB; answers longer than "
                    + "32,768 characters are graded on their beginning and the report says so.",
            "",
            "Without -r, grades against the rubric grader ships with (net/http server concurrency). "
                    + "Exit code 0 whenever the answer was graded, whatever the score."
        },
        sortOptions = false,
        footerHeading = "%nExamples:%n",
        footer = {
            "  grader grade -q Q4 \"Shutdown waits for in-flight requests; Close drops them\"",
            "  grader grade -q Q4 -f answer.txt --format markdown > report.md",
            "  pbpaste | grader grade -q Q4 --format json",
            "  grader grade -r my-rubric.json -q Q2 --no-embeddings -",
            "  grader grade -q Q4 --judge openai --policy escalate \"...\""
        })
final class GradeCommand implements Callable<Integer> {

    /** Reads the answer from standard input when given as the answer. */
    static final String STDIN = "-";

    @Spec
    CommandSpec spec;

    @Option(names = {"-r", "--rubric"}, paramLabel = "RUBRIC",
            description = "The rubric JSON file (default: the shipped net/http rubric).")
    Path rubricFile;

    @Option(names = {"-q", "--question"}, paramLabel = "ID", required = true,
            description = "The question answered, such as Q4.")
    String questionId;

    @Parameters(paramLabel = "ANSWER", arity = "0..*",
            description = "The answer; '-' reads it from standard input.")
    List<String> words = new ArrayList<>();

    @Option(names = {"-f", "--file"}, paramLabel = "FILE",
            description = "Read the answer from FILE (UTF-8); a named pipe is read like standard input.")
    Path answerFile;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", converter = FormatConverter.class,
            description = "text (default; colour on a terminal), json or markdown.")
    Format format;

    @Mixin
    JudgeOptions judgeOptions;

    @Mixin
    ExampleOptions exampleOptions;

    @Mixin
    CommonOptions common;

    /** Test seam: the process's standard input unless replaced. */
    StandardInput stdin = StandardInput.system();

    /** Report formats. */
    enum Format {
        TEXT, JSON, MARKDOWN
    }

    @Override
    public Integer call() {
        GradedExamples examples = exampleOptions.load(rubricFile);
        JudgeSetup judge = judgeOptions.createJudge(examples);
        EmbeddingWarmUp.startFor(judge.judge());
        PrintWriter err = spec.commandLine().getErr();
        Rubric rubric;
        Question question;
        AnswerInput.Answer answer;
        try (PipeWait wait = PipeWait.watch(err, rubricFile, answerFile)) {
            rubric = RubricInput.load(rubricFile, err);
            examples.checkAgainst(rubric);
            question = QuestionChoice.find(rubric, questionId);
            answer = readAnswer();
        }
        if (answer.capped()) {
            err.println("grader: " + answer.capNote());
            err.flush();
        }
        Grader grader = Grader.builder().rubric(rubric).judge(judge.judge()).build();
        GradeReport report = grader.grade(question.id(), answer.text());

        PrintWriter out = spec.commandLine().getOut();
        out.print(renderer().render(report));
        out.flush();
        if (format != Format.TEXT) {
            judge.printSummary(err);
        }
        return ExitCodes.OK;
    }

    private ReportRenderer renderer() {
        return switch (format) {
            case JSON -> ReportRenderer.json();
            case MARKDOWN -> ReportRenderer.markdown();
            case TEXT -> {
                Terminal terminal = common.terminal();
                yield TextReportRenderer.builder().colour(terminal.color()).width(terminal.width()).build();
            }
        };
    }

    /** From the arguments, the file, or standard input; exactly one of them. */
    private AnswerInput.Answer readAnswer() {
        boolean dash = words.size() == 1 && words.get(0).equals(STDIN);
        if (answerFile != null && !words.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "give the answer either as ANSWER or with -f, not both");
        }
        if (answerFile != null) {
            return AnswerInput.fromFile(answerFile);
        }
        if (dash || (words.isEmpty() && !stdin.isTerminal())) {
            return AnswerInput.fromStream(stdin.stream());
        }
        if (words.isEmpty()) {
            throw new ParameterException(spec.commandLine(),
                    "missing answer: give it as ANSWER, with -f FILE, or on standard input ('-')");
        }
        return new AnswerInput.Answer(String.join(" ", words), "ANSWER", false);
    }

    /** Bad values are parse errors: picocli reports them with the usage line. */
    static final class FormatConverter implements ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            return FormatOption.parse(Format.class, value);
        }
    }
}
