package dev.grader.cli;

import dev.grader.Grader;
import dev.grader.batch.BatchGrading;
import dev.grader.batch.BatchResult;
import dev.grader.compile.SkippedQuestion;
import dev.grader.rubric.Rubric;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code grader batch [-r RUBRIC] INPUT... -o OUTDIR [--jobs N] [--judge ...] [--anonymize] [--force]}. */
@Command(
        name = "batch",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Grade a cohort of written take-homes.",
        description = {
            "Grades every submission of the inputs and writes, in OUTDIR, a feedback report per candidate "
                    + "(candidates/NAME.md and NAME.json) and the cohort's summary.csv, summary.json and report.html "
                    + "(one self-contained page: ranking, histogram, per-question difficulty, most-missed key "
                    + "points, common misconceptions, each candidate's details).",
            "",
            "An INPUT is a folder with one file per candidate (.md, .txt or .docx; the file name is the candidate "
                    + "id; answers under headings such as Q4, ## Q4., Question 4:, 4), **Q4** or the question's "
                    + "text), a single such file, or a .jsonl / .csv table of candidate, question, answer rows "
                    + "(a CSV may instead have a candidate column and one column per question).",
            "",
            "Each candidate's result is saved when it is done; a rerun skips candidates whose submission, rubric "
                    + "and judge settings are unchanged, so an interrupted run (Ctrl-C) resumes where it stopped. "
                    + "Unreadable submissions are reported and the rest graded.",
            "",
            "Exit codes: 0 all graded, 1 graded with problems (some submissions, rows or questions could not be "
                    + "graded, or some grades are provisional: the model could not be used and the offline judge "
                    + "decided; a rerun grades them again), 2 usage or input error, 3 the output could not be written "
                    + "(a full disk: the run stops, what is saved is complete; rerun to finish), 130 interrupted "
                    + "(finished candidates are saved)."
        },
        sortOptions = false,
        footerHeading = "%nExamples:%n",
        footer = {
            "  grader batch submissions/ -o out/",
            "  grader batch submissions/ -o out/ --questions Q1,Q4,Q7",
            "  grader batch answers.jsonl -o out/ --anonymize",
            "  grader batch -r rubric.json submissions/ -o out/ --jobs 4 --no-embeddings",
            "  grader batch submissions/ -o out/ --judge openai --policy escalate --max-calls 2000"
        })
final class BatchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-r", "--rubric"}, paramLabel = "RUBRIC",
            description = "The rubric JSON file (default: the shipped net/http rubric).")
    Path rubricFile;

    @Parameters(paramLabel = "INPUT", arity = "1..*",
            description = "Folders of submissions, submission files, or .jsonl / .csv tables of answers.")
    List<Path> inputs = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "OUTDIR", required = true,
            description = "The folder for the reports (created when missing; reruns resume in it).")
    Path output;

    @Option(names = "--questions", paramLabel = "IDS", split = ",",
            description = "The questions the candidates were assigned: ids and/or levels (Q1,Q4,Q7 or senior). "
                    + "Totals, ranking and cohort statistics count only these; one a candidate left out counts 0. "
                    + "Default: the questions that the submissions answer.")
    List<String> questions = new ArrayList<>();

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "Candidates graded in parallel (default: one per processor, here ${DEFAULT-VALUE}).")
    int jobs = BatchGrading.DEFAULT_THREADS;

    @Option(names = "--anonymize",
            description = "Candidates appear under stable pseudonyms (candidate-7f3a9c) in every report and file "
                    + "name; the mapping goes to OUTDIR/anonymization-map.json: keep it away from reviewers.")
    boolean anonymize;

    @Option(names = "--force", description = "Start over: regrade every candidate, also those whose result is up to "
            + "date. To finish an interrupted --force run, run it again without --force.")
    boolean force;

    @Option(names = "--no-progress", description = "Do not show progress on standard error.")
    boolean noProgress;

    @Option(names = "--pick-examples", paramLabel = "N",
            description = "After grading, pick per question N answers that cover the cohort (and some the grader "
                    + "is least sure of) for you to grade: OUTDIR/examples-to-grade.csv, then rerun with --examples.")
    Integer pickExamples;

    @Mixin
    CommonOptions common;

    @Mixin
    JudgeOptions judgeOptions;

    @Mixin
    ExampleOptions exampleOptions;

    @Override
    public Integer call() {
        if (jobs < 1) {
            throw new ParameterException(spec.commandLine(), "--jobs must be at least 1, found " + jobs);
        }
        List<SkippedQuestion> notCompiled = new ArrayList<>();
        Rubric rubric;
        dev.grader.examples.GradedExamples examples;
        try (PipeWait wait = PipeWait.watch(spec.commandLine().getErr(), rubricFile)) {
            rubric = RubricInput.load(rubricFile, spec.commandLine().getErr(), notCompiled);
            examples = exampleOptions.load(rubricFile).checkAgainst(rubric);
        }
        List<String> assigned = questions.isEmpty() ? null
                : QuestionChoice.idsOrLevels(rubric, questions).stream().map(q -> q.id()).toList();
        JudgeSetup judge = judgeOptions.createJudge(examples);
        Grader grader = Grader.builder().rubric(rubric).judge(judge.judge()).build();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        long start = System.nanoTime();
        BatchResult result;
        try (ProgressReporter progress = noProgress ? ProgressReporter.none()
                : ProgressReporter.forStderr(err, "graded", colorAllowed())) {
            BatchGrading.Builder builder = BatchGrading.builder(grader).examples(examples);
            if (assigned != null) {
                builder.questions(assigned);
            }
            if (pickExamples != null) {
                if (pickExamples < 1) {
                    throw new ParameterException(spec.commandLine(), "--pick-examples must be at least 1, found "
                            + pickExamples);
                }
                builder.pickExamples(pickExamples, EmbeddingWarmUp.usesEmbeddings(judge.judge().info().settings())
                        ? dev.grader.judge.SentenceEncoderProvider.installed().orElse(null) : null);
            }
            BatchGrading batch = builder
                    .outputDir(output)
                    .threads(jobs)
                    .anonymize(anonymize)
                    .force(force)
                    .judgeSettings(common.verbose())
                    .progress(progress::update)
                    .build();
            try (BatchInterrupts interrupts = BatchInterrupts.install(batch::cancel)) {
                result = batch.run(inputs);
                progress.close();
                BatchConsole.report(result, rubric.questions().size(), Duration.ofNanos(System.nanoTime() - start),
                        anonymize, force ? withoutForce() : null, out, err);
                judge.printSummary(err);
                if (result.examplesPicked() > 0) {
                    Path file = result.examplesFile();
                    if (!file.getFileName().toString().equals("examples-to-grade.csv")) {
                        out.println("The scores in " + file.resolveSibling("examples-to-grade.csv").getFileName()
                                + " are kept: the new picks go to " + file.getFileName()
                                + ", without the answers graded there.");
                    }
                    out.println("Picked " + result.examplesPicked() + " answers for you to grade: " + file
                            + " (fill in the score column, 0.." + 5 + "). Then regrade with them:");
                    out.println("  " + withExamples(file));
                }
                // After a signal the JVM halts as soon as the hook returns, which closing lets it do: flush first.
                out.flush();
                err.flush();
            }
        }
        if (result.interrupted()) {
            return ExitCodes.INTERRUPTED;
        }
        if (result.outputFailed()) {
            return ExitCodes.OUTPUT_ERROR;
        }
        return result.hasProblems() || result.hasUngradedAnswers() || !notCompiled.isEmpty()
                || result.provisional().candidates() > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    /**
     * This command line without {@code --pick-examples N} (nor {@code --force}; {@code --no-examples} becomes
     * {@code --no-rubric-examples}), with {@code --examples FILE} added: the regrade by example.
     */
    private String withExamples(Path file) {
        List<String> args = new ArrayList<>();
        List<String> original = spec.root().commandLine().getParseResult().originalArgs();
        boolean positionalOnly = false;
        for (int i = 0; i < original.size(); i++) {
            String arg = original.get(i);
            positionalOnly |= arg.equals("--");
            if (!positionalOnly && arg.equals("--pick-examples")) {
                i++; // and its value
            } else if (!positionalOnly && (arg.startsWith("--pick-examples=") || arg.equals("--force"))) {
                continue;
            } else if (!positionalOnly && arg.equals("--no-examples")) {
                args.add("--no-rubric-examples"); // still none of the rubric's, now the picked ones
            } else {
                args.add(arg); // earlier --examples stay: examples add up
            }
        }
        int at = args.indexOf("--") >= 0 ? args.indexOf("--") : args.size();
        boolean given = false;
        for (int i = 0; i < at; i++) {
            given |= args.get(i).equals("--examples=" + file)
                    || args.get(i).equals("--examples") && i + 1 < at && args.get(i + 1).equals(file.toString());
        }
        if (!given) {
            args.addAll(at, List.of("--examples", file.toString()));
        }
        return "grader " + ShellWords.join(args);
    }

    /** This command line without {@code --force}: what finishes an interrupted or stopped {@code --force} run. */
    private String withoutForce() {
        List<String> args = new ArrayList<>();
        boolean positionalOnly = false;
        for (String arg : spec.root().commandLine().getParseResult().originalArgs()) {
            positionalOnly |= arg.equals("--");
            if (positionalOnly || !(arg.equals("--force") || arg.startsWith("--force="))) {
                args.add(arg);
            }
        }
        return "grader " + ShellWords.join(args);
    }

    /** Colour for the progress bar unless turned off; the bar only appears on a terminal anyway. */
    private boolean colorAllowed() {
        String noColor = System.getenv("NO_COLOR");
        return !common.noColor && (noColor == null || noColor.isEmpty());
    }
}
