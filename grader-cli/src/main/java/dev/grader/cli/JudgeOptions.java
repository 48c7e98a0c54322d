package dev.grader.cli;

import dev.grader.Judge;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The judge options every grading command takes: which judge (offline or a model), which policy combines them,
 * and the limits of model use. Add it to a command and build the judge from it:
 *
 * <pre>{@code
 * @Mixin
 * JudgeOptions judgeOptions;
 *
 * public Integer call() {
 *     JudgeSetup judge = judgeOptions.createJudge();        // flags > environment > grader.yaml > defaults
 *     Grader grader = Grader.builder().rubric(rubric).judge(judge.judge()).build();
 *     ... grade ...
 *     judge.printSummary(spec.commandLine().getErr());     // one cost line, only when a model was used
 * }
 * }</pre>
 *
 * <p>Every field is {@code null} (or false) unless given on the command line, so {@link JudgeFactory} can tell a
 * flag from a default and let {@code grader.yaml} and the environment fill the rest. Bad values surface as
 * {@link dev.grader.InvalidInputException} from {@link #createJudge()} (exit code 2, one line).
 */
public final class JudgeOptions {

    @Option(names = "--judge", paramLabel = "JUDGE",
            description = "offline (default without a model), openai, ollama or anthropic. Env: GRADER_JUDGE.")
    String judge;

    @Option(names = "--model", paramLabel = "NAME",
            description = "The model (default per provider: gpt-4o-mini, llama3.1:8b, claude-3-5-haiku-20241022); "
                    + "several, comma-separated, for --policy consensus. Env: GRADER_MODEL.")
    String model;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "The model server: any OpenAI-compatible endpoint (http://localhost:8080/v1) with --judge "
                    + "openai, Ollama's root with --judge ollama (env OLLAMA_HOST).")
    String baseUrl;

    @Option(names = "--policy", paramLabel = "POLICY",
            description = "offline, llm (default with a model), blend, escalate or consensus.")
    String policy;

    @Option(names = "--samples", paramLabel = "N",
            description = "Consensus: samples of the model at --temperature (default 3).")
    Integer samples;

    @Option(names = "--temperature", paramLabel = "T",
            description = "Sampling temperature (default 0; 0.7 for consensus samples).")
    Double temperature;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Where model replies are cached (default ${XDG_CACHE_HOME:-~/.cache}/grader/llm).")
    Path cacheDir;

    @Option(names = "--no-cache", description = "Neither read nor write cached model replies.")
    boolean noCache;

    @Option(names = "--max-calls", paramLabel = "N",
            description = "At most N requests to the model in this run (retries included); then the offline judge "
                    + "decides and reports say so.")
    Integer maxCalls;

    @Option(names = "--concurrency", paramLabel = "N", description = "Requests in flight at once (default 4).")
    Integer concurrency;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Time allowed per request (default 60).")
    Integer timeoutSeconds;

    @Option(names = "--price", paramLabel = "MODEL=IN,OUT",
            description = "USD per million input and output tokens of a model, for cost estimates "
                    + "(repeatable; overrides grader.yaml and the built-in table).")
    List<String> prices = new ArrayList<>();

    @Option(names = "--no-embeddings",
            description = "Offline judge without sentence embeddings: lexical only, much faster.")
    boolean noEmbeddings;

    /** The judge these options, the environment and {@code grader.yaml} describe. */
    public JudgeSetup createJudge() {
        return JudgeFactory.create(this, JudgeEnvironment.system());
    }

    /** The same, grading by the given examples as well (none: {@link dev.grader.examples.GradedExamples#NONE}). */
    public JudgeSetup createJudge(dev.grader.examples.GradedExamples examples) {
        return JudgeFactory.create(this, JudgeEnvironment.system(), examples);
    }

    /** Builds the judge and returns only it, for commands that print no cost summary. */
    public Judge judge() {
        return createJudge().judge();
    }
}
