package dev.grader.cli;

import dev.grader.Grader;
import dev.grader.cli.quiz.QuizSession;
import dev.grader.rubric.Question;
import dev.grader.rubric.Rubric;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code grader quiz [-r RUBRIC] [--level LEVEL] [-q ID]... [--count N] [--shuffle [--seed S]]}. */
@Command(
        name = "quiz",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Drill yourself: answer questions and get graded.",
        description = {
            "Asks the questions of a rubric one by one. Type an answer over as many lines as you like and end it "
                    + "with an empty line (or Ctrl-D); an empty answer skips the question. You get the grade, the "
                    + "key points you missed and always one follow-up question; answer it and it is graded too "
                    + "when the rubric has a model answer for it (an empty line skips it). Ctrl-D at an empty "
                    + "prompt, or Ctrl-C, ends the quiz; the session summary lists the scores and what to review.",
            "",
            "Questions come in bank order unless --shuffle. Works when piped too: answers are read from "
                    + "standard input, so a script can drive it. Without -r, uses the rubric grader ships with."
        },
        sortOptions = false,
        footerHeading = "%nExamples:%n",
        footer = {
            "  grader quiz --level senior",
            "  grader quiz -q Q4",
            "  grader quiz --shuffle --count 5",
            "  grader quiz --shuffle --seed 7 --count 3 --no-embeddings",
            "  printf 'Shutdown is graceful.\\n\\n\\n' | grader quiz -q Q4"
        })
final class QuizCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-r", "--rubric"}, paramLabel = "RUBRIC",
            description = "The rubric JSON file (default: the shipped net/http rubric).")
    Path rubricFile;

    @Option(names = {"-l", "--level"}, paramLabel = "LEVEL",
            description = "Only questions at this level, such as junior or senior (case-insensitive).")
    String level;

    @Option(names = {"-q", "--question"}, paramLabel = "ID", split = ",",
            description = "Only these questions, such as Q4 (repeatable, or comma-separated).")
    List<String> questionIds = new ArrayList<>();

    @Option(names = {"-n", "--count"}, paramLabel = "N", description = "Ask at most N questions.")
    Integer count;

    @Option(names = "--shuffle", description = "Ask in random order (default: bank order).")
    boolean shuffle;

    @Option(names = "--seed", paramLabel = "S", description = "With --shuffle: the same seed gives the same order.")
    Long seed;

    @Mixin
    JudgeOptions judgeOptions;

    @Mixin
    ExampleOptions exampleOptions;

    @Mixin
    CommonOptions common;

    /** Test seam: the process's standard input unless replaced. */
    StandardInput stdin = StandardInput.system();

    @Override
    public Integer call() {
        if (count != null && count < 1) {
            throw new ParameterException(spec.commandLine(), "--count must be at least 1, found " + count);
        }
        if (seed != null && !shuffle) {
            throw new ParameterException(spec.commandLine(), "--seed needs --shuffle");
        }
        Rubric rubric;
        dev.grader.examples.GradedExamples examples;
        try (PipeWait wait = PipeWait.watch(spec.commandLine().getErr(), rubricFile)) {
            rubric = RubricInput.load(rubricFile, spec.commandLine().getErr());
            examples = exampleOptions.load(rubricFile).checkAgainst(rubric);
        }
        List<Question> questions = new ArrayList<>(QuestionChoice.atLevel(rubric,
                QuestionChoice.byIds(rubric, questionIds), level));
        long usedSeed = seed != null ? seed : new Random().nextLong();
        if (shuffle) {
            Collections.shuffle(questions, new Random(usedSeed));
        }
        if (count != null && count < questions.size()) {
            questions = questions.subList(0, count);
        }
        JudgeSetup judge = judgeOptions.createJudge(examples);
        EmbeddingWarmUp.startFor(judge.judge());
        Grader grader = Grader.builder().rubric(rubric).judge(judge.judge()).build();
        Terminal terminal = common.terminal();
        PrintWriter out = spec.commandLine().getOut();
        org.jline.terminal.Terminal lineEditor = stdin.isTerminal() && System.console() != null
                && stdin.stream() == System.in ? lineEditor() : null;
        QuizSession.Builder builder = QuizSession.builder(grader)
                .questions(questions)
                .intro(intro(rubric, questions.size(), usedSeed))
                .output(out)
                .colour(terminal.color())
                .width(terminal.width())
                .linePrompts(stdin.isTerminal());
        QuizSession session = (lineEditor != null ? builder.terminal(lineEditor) : builder.input(stdin.stream()))
                .build();
        // Ctrl-C ends the quiz as Ctrl-D does: with the summary of what was answered
        Thread onInterrupt = new Thread(() -> {
            EmbeddingWarmUp.awaitBeforeExit(); // the JVM must not halt while the model loads
            session.summarize();
        }, "grader-quiz-interrupt");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            session.run();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException e) {
                // shutting down: the hook is printing the summary
            }
            closeQuietly(lineEditor);
        }
        out.flush();
        judge.printSummary(spec.commandLine().getErr());
        return session.interrupted() ? ExitCodes.INTERRUPTED : ExitCodes.OK;
    }

    /**
     * The terminal with JLine's line editor (bracketed paste, editing keys), or null when it cannot be had: then
     * answers are read line by line, as from a pipe.
     */
    private static org.jline.terminal.Terminal lineEditor() {
        try {
            return org.jline.terminal.TerminalBuilder.builder().system(true).dumb(false)
                    .encoding(java.nio.charset.StandardCharsets.UTF_8).build();
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private static void closeQuietly(org.jline.terminal.Terminal t) {
        if (t != null) {
            try {
                t.close();
            } catch (java.io.IOException e) {
                // the terminal is restored as far as it can be
            }
        }
    }

    private String intro(Rubric rubric, int questions, long usedSeed) {
        StringBuilder sb = new StringBuilder("Quiz: ").append(questions)
                .append(questions == 1 ? " question" : " questions").append(" from ").append(rubric.title());
        if (level != null) {
            sb.append(", level ").append(level.strip());
        }
        if (shuffle) {
            sb.append(", shuffled (--seed ").append(usedSeed).append(')');
        }
        return sb.append('.').toString();
    }
}
