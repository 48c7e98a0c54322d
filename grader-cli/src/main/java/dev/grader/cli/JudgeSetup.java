package dev.grader.cli;

import dev.grader.Assessment;
import dev.grader.Judge;
import dev.grader.JudgeInfo;
import dev.grader.llm.LlmJudge;
import dev.grader.llm.LlmUsage;
import dev.grader.rubric.Question;
import dev.grader.rubric.Rubric;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The judge a command grades with, and what using it cost: {@link #judge()} goes into
 * {@code Grader.builder().judge(...)}, {@link #printSummary(PrintWriter)} prints one line to standard error at
 * the end of the run when a model was used (requests, cache hits, tokens, estimated cost, calls saved by
 * {@code escalate}, fallbacks), and nothing otherwise.
 */
public final class JudgeSetup {

    private final Judge judge;
    private final LlmJudge model;
    private final LlmUsage usage;
    private final String modelName;
    private final AtomicLong callsSaved = new AtomicLong();

    private JudgeSetup(Judge judge, LlmJudge model, LlmUsage usage, String modelName) {
        this.judge = usage == null ? judge : new Metered(judge);
        this.model = model;
        this.usage = usage;
        this.modelName = modelName;
    }

    static JudgeSetup offline(Judge judge) {
        return new JudgeSetup(judge, null, null, null);
    }

    static JudgeSetup withModel(Judge judge, LlmJudge model, LlmUsage usage, String modelName) {
        return new JudgeSetup(judge, model, usage, modelName);
    }

    /** The (first) configured model as an LLM judge, for work other than grading; empty for the offline judge. */
    public Optional<LlmJudge> model() {
        return Optional.ofNullable(model);
    }

    /** The judge to grade with. */
    public Judge judge() {
        return judge;
    }

    /** Whether a model takes part (any policy but offline). */
    public boolean usesModel() {
        return usage != null;
    }

    /** What the models of this run were sent; empty for the offline judge. */
    public Optional<LlmUsage> usage() {
        return Optional.ofNullable(usage);
    }

    /** The cost line, when a model was used. */
    public Optional<String> summaryLine() {
        if (usage == null) {
            return Optional.empty();
        }
        String saved = callsSaved.get() > 0 ? ", " + callsSaved.get() + " call(s) saved by escalate" : "";
        return Optional.of(usage.summary() + saved + " [" + modelName + "]");
    }

    /** Prints {@link #summaryLine()} to {@code err} when a model was used. */
    public void printSummary(PrintWriter err) {
        summaryLine().ifPresent(line -> {
            err.println(line);
            err.flush();
        });
    }

    /** Counts what policies report per answer (calls saved) without changing any verdict or report. */
    private final class Metered implements Judge {
        private final Judge inner;

        Metered(Judge inner) {
            this.inner = inner;
        }

        @Override
        public Assessment assess(Question question, String answer) {
            Assessment a = inner.assess(question, answer);
            callsSaved.addAndGet(a.trace().callsSaved());
            return a;
        }

        @Override
        public JudgeInfo info() {
            return inner.info();
        }

        @Override
        public void prepare(Rubric rubric) {
            inner.prepare(rubric);
        }
    }
}
