package dev.grader.cli;

import dev.grader.Grader;
import dev.grader.Judge;
import dev.grader.examples.GradedExamples;
import dev.grader.judge.CachingJudge;
import dev.grader.InvalidInputException;
import dev.grader.Rubrics;
import dev.grader.compile.BankCompiler;
import dev.grader.compile.SkippedQuestion;
import dev.grader.eval.Evaluation;
import dev.grader.eval.EvaluationJson;
import dev.grader.eval.EvaluationResult;
import dev.grader.eval.EvaluationText;
import dev.grader.eval.GoldAnswer;
import dev.grader.eval.GoldReader;
import dev.grader.eval.PredictionsNotWrittenException;
import dev.grader.eval.Skipped;
import dev.grader.rubric.Rubric;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code grader eval (-r RUBRIC | --bank BANK) --gold ANSWERS.jsonl [--predictions OUT.jsonl] [--format text|json]}. */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Measure agreement with human grades.",
        description = {
            "Grades every answer of a gold file (answers.jsonl: id, question, answer, score, scale, and optionally "
                    + "label, kind, misconceptions) and compares the grades with the human ones: n, pearson, "
                    + "spearman, qwk on the gold's scale, rmse and mae (raw, and after a linear calibration "
                    + "cross-validated over questions), accuracy and macro-F1 of verdicts where gold has labels; "
                    + "then tables per kind, per label and per question.",
            "",
            "Without -r or --bank, grades against the rubric grader ships with. Answers to questions the rubric "
                    + "lacks are skipped and counted. A question of the bank that does not compile, or whose "
                    + "grading fails, is skipped with its answers and named on standard error; the rest is graded "
                    + "and the exit code is 1. Progress goes to standard error on long runs."
        },
        sortOptions = false,
        footerHeading = "%nExamples:%n",
        footer = {
            "  grader eval --bank examples/cs-basics/bank.jsonl --gold examples/cs-basics/answers.jsonl",
            "  grader eval --bank semeval2013-train/bank.jsonl --gold semeval2013-train/answers.jsonl",
            "  grader eval -r my-rubric.json --gold answers.jsonl --predictions out.jsonl --format json"
        })
final class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true)
    RubricChoice rubricChoice;

    /** Where the rubric comes from: a compiled rubric or a bank to compile; neither means the shipped one. */
    static final class RubricChoice {

        @Option(names = {"-r", "--rubric"}, paramLabel = "RUBRIC", required = true,
                description = "The rubric JSON file (default: the shipped net/http rubric).")
        Path rubric;

        @Option(names = "--bank", paramLabel = "BANK", required = true,
                description = "A question bank to compile on the fly (.txt, .md, .jsonl or .json).")
        Path bank;
    }

    @Option(names = "--gold", paramLabel = "ANSWERS.jsonl", required = true,
            description = "Human-graded answers, one JSON object a line.")
    Path gold;

    @Option(names = "--predictions", paramLabel = "OUT.jsonl",
            description = "Also write one JSON line per graded answer: id, question, score, verdict, "
                    + "misconceptions, keyPoints, needsReview. Checked before grading; if grading fails "
                    + "midway, the predictions made so far are written.")
    Path predictions;

    // A field default, not defaultValue: picocli applies defaultValue after parsing, over what -f set.
    @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "text (default: summary and tables) or json.")
    Format format = Format.TEXT;

    private boolean deprecatedShortFormat;

    @Option(names = DeprecatedOptions.SHORT_FORMAT, hidden = true, paramLabel = "FORMAT",
            converter = FormatConverter.class)
    void deprecatedShortFormat(Format value) {
        format = value;
        deprecatedShortFormat = true;
    }

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "Answers graded in parallel (default: one per processor, here ${DEFAULT-VALUE}).")
    int jobs = Evaluation.DEFAULT_THREADS;

    @Option(names = "--no-progress", description = "Do not show progress on standard error.")
    boolean noProgress;

    @Mixin
    CommonOptions common;

    @Mixin
    JudgeOptions judgeOptions;

    @Mixin
    ExampleOptions exampleOptions;

    @Option(names = "--cv-examples", paramLabel = "K",
            description = "Grade as a teacher would who had graded the rest: the gold answers of each question in K "
                    + "folds, each graded with the other folds as graded examples, added to the rubric's own or "
                    + "--examples (none with --no-examples).")
    Integer cvExamples;

    /** Output formats. */
    enum Format { TEXT, JSON }

    /** Bad values are parse errors naming the valid ones. */
    static final class FormatConverter implements ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            return FormatOption.parse(Format.class, value);
        }
    }

    @Override
    public Integer call() {
        if (deprecatedShortFormat) {
            DeprecatedOptions.warnShortFormat(spec.commandLine().getErr(), "eval");
        }
        if (jobs < 1) {
            throw new ParameterException(spec.commandLine(), "--jobs must be at least 1, found " + jobs);
        }
        if (predictions != null) {
            checkPredictionsTarget();
        }
        List<GoldAnswer> answers;
        Rubric rubric;
        List<SkippedQuestion> notCompiled = new ArrayList<>();
        PrintWriter err = spec.commandLine().getErr();
        try (PipeWait wait = PipeWait.watch(err, gold,
                rubricChoice == null ? null : rubricChoice.bank, rubricChoice == null ? null : rubricChoice.rubric)) {
            answers = GoldReader.read(gold);
            rubric = loadRubric(notCompiled);
        }
        if (rubricChoice != null && rubricChoice.bank != null) {
            warnAboutSkippedQuestions(notCompiled, answers, err);
        }
        requireSomeQuestionInRubric(answers, rubric);
        GradedExamples examples = examples(rubric);
        // with folds, the examples are the grader's: the judge stays plain so they correct it once
        JudgeSetup judge = judgeOptions.createJudge(cvExamples != null ? GradedExamples.NONE : examples);
        Grader grader = Grader.builder().rubric(rubric).judge(judge.judge()).build();

        if (rubricChoice != null && rubricChoice.bank != null) {
            warnAboutSharedIds(rubric, err);
        }
        Evaluation.Builder evaluation = Evaluation.builder(grader).threads(jobs);
        if (cvExamples != null) {
            // every fold's examples are assessed by the same judge: each answer once in all
            Judge shared = new CachingJudge(judge.judge());
            evaluation.crossValidatedExamples(cvExamples, foldExamples -> Grader.builder().rubric(rubric)
                    .judge(shared).examples(together(examples, foldExamples)).build());
        }
        notCompiled.stream().filter(q -> q.id() != null)
                .forEach(q -> evaluation.unavailable(q.id(), Skipped.NOT_COMPILED));
        if (predictions != null) {
            evaluation.predictions(predictions);
        }
        EvaluationResult result;
        try (ProgressReporter progress = noProgress ? ProgressReporter.none()
                : ProgressReporter.forStderr(err, "graded", colorAllowed())) {
            result = evaluation.progress(progress::update).build().run(answers);
        } catch (PredictionsNotWrittenException e) {
            print(e.result()); // the measurements are not lost with the file
            throw e;
        }
        print(result);
        if (predictions != null) {
            err.println("Wrote " + result.graded() + " predictions to " + predictions + ".");
            err.flush();
        }
        judge.printSummary(err);
        boolean gradingFailed = false;
        for (Skipped skipped : result.skipped()) {
            if (skipped.reason().startsWith(Skipped.GRADING_FAILED)) {
                gradingFailed = true;
                err.println("grader: warning: question " + String.join(", ", skipped.questions()) + ": "
                        + skipped.rows() + (skipped.rows() == 1 ? " answer" : " answers") + " not graded: "
                        + skipped.reason());
            }
        }
        err.flush();
        return notCompiled.isEmpty() && !gradingFailed ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    /**
     * One line per question of the bank that did not compile, with the number of gold answers left out with it:
     * the run goes on without them.
     */
    private void warnAboutSkippedQuestions(List<SkippedQuestion> skipped, List<GoldAnswer> answers,
                                           PrintWriter err) {
        for (SkippedQuestion q : skipped) {
            long n = q.id() == null ? -1 : answers.stream().filter(a -> a.question().equals(q.id())).count();
            err.println("grader: warning: " + q.message(rubricChoice.bank.toString()) + "; skipped"
                    + (n < 0 ? "" : n == 1 ? ", with its 1 answer" : ", with its " + n + " answers"));
        }
        err.flush();
    }

    private void print(EvaluationResult result) {
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == Format.JSON ? EvaluationJson.toJson(result) : EvaluationText.render(result));
        out.flush();
    }

    /** Fail before grading: a mistyped --predictions must not cost a long run, nor overwrite an input. */
    private void checkPredictionsTarget() {
        if (Files.isDirectory(predictions)) {
            throw new InvalidInputException(predictions.toString(), null,
                    "is a directory, expected a file for --predictions");
        }
        List<Path> inputs = new ArrayList<>(List.of(gold));
        if (rubricChoice != null) {
            inputs.add(rubricChoice.bank != null ? rubricChoice.bank : rubricChoice.rubric);
        }
        for (Path input : inputs) {
            if (sameFile(predictions, input)) {
                throw new InvalidInputException(predictions.toString(), null,
                        "is an input of this run; --predictions would overwrite it");
            }
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** Colour for the progress bar unless turned off; the bar only appears on a terminal anyway. */
    private boolean colorAllowed() {
        String noColor = System.getenv("NO_COLOR");
        return !common.noColor && (noColor == null || noColor.isEmpty());
    }

    /**
     * The examples to grade with: {@code --examples} or the rubric's own, none with {@code --no-examples}; with
     * {@code --cv-examples}, each fold adds the other folds to them.
     */
    private GradedExamples examples(Rubric rubric) {
        if (cvExamples != null && cvExamples < 2) {
            throw new ParameterException(spec.commandLine(), "--cv-examples must be at least 2, found " + cvExamples);
        }
        for (Path file : exampleOptions.examples) {
            if (!sameFile(file, gold)) {
                continue;
            }
            throw new InvalidInputException(file.toString(), null, "is the --gold file: graded "
                    + "with themselves as examples, the answers would be measured against their own grades; use "
                    + "--cv-examples K");
        }
        Path rubricFile = rubricChoice == null ? null
                : rubricChoice.bank != null ? rubricChoice.bank : rubricChoice.rubric;
        return exampleOptions.load(rubricFile).checkAgainst(rubric);
    }

    /** The examples in effect and a fold's, as one set. */
    private static GradedExamples together(GradedExamples given, GradedExamples fold) {
        if (given.isEmpty()) {
            return fold;
        }
        List<dev.grader.examples.GradedExample> all = new ArrayList<>(given.all());
        all.addAll(fold.all());
        return GradedExamples.of(all, given.source() + " and the other folds");
    }

    /** The rubric to grade against; questions of a bank that do not compile go to {@code notCompiled}. */
    private Rubric loadRubric(List<SkippedQuestion> notCompiled) {
        if (rubricChoice == null) {
            return Rubrics.defaultRubric();
        }
        if (rubricChoice.bank == null) {
            // a bank given as -r is compiled by RubricInput, which names what it skips: they count all the same
            return RubricInput.load(rubricChoice.rubric, spec.commandLine().getErr(), notCompiled);
        }
        BankCompiler.Compiled compiled = BankCompiler.compileSkippingInvalid(rubricChoice.bank, true);
        notCompiled.addAll(compiled.skippedInBankOrder());
        return compiled.rubric();
    }

    /** A bank that reuses a question id is graded anyway, but the user hears how its answers were assigned. */
    private void warnAboutSharedIds(Rubric rubric, PrintWriter err) {
        BankCompiler.duplicatesOf(rubric).forEach((id, ids) -> err.println("grader: warning: " + rubricChoice.bank
                + ": question id '" + id + "' is used by " + ids.size() + " questions (graded as "
                + String.join(", ", ids) + "); each answer to it goes to the question it shares most words with"));
        err.flush();
    }

    /**
     * A gold file that shares no question with the rubric is almost always the wrong pairing (a dataset graded
     * against the shipped rubric without its --bank): refuse it instead of printing a report of nothing.
     */
    private void requireSomeQuestionInRubric(List<GoldAnswer> answers, Rubric rubric) {
        Set<String> known = Set.copyOf(rubric.questionIds());
        if (answers.stream().anyMatch(a -> known.contains(a.question()))) {
            return;
        }
        Set<String> questions = answers.stream().map(GoldAnswer::question)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        String examples = questions.stream().limit(3).collect(Collectors.joining(", "));
        throw new InvalidInputException(gold.toString(), null, "none of its " + questions.size()
                + " question(s) is in rubric " + rubric.id() + " (" + examples
                + (questions.size() > 3 ? ", ..." : "") + "); pass the matching --bank or -r");
    }
}
