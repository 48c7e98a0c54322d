package dev.grader.spark;

import dev.grader.Api;
import dev.grader.examples.GradedExamples;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How answers are graded on the cluster: the judge and its settings (the same as the {@code grader} command's judge
 * options), the assigned questions, limits on answers, and how partitions are graded. Immutable and serializable:
 * it travels to the executors with the tasks. It never holds an API key: executors read {@code OPENAI_API_KEY} or
 * {@code ANTHROPIC_API_KEY} from their own environment ({@code spark.executorEnv.*} or the cluster's secrets).
 *
 * <pre>{@code
 * GradingOptions offline = GradingOptions.defaults();                         // lexical + sentence embeddings
 * GradingOptions fast = GradingOptions.builder().embeddings(false).build();    // lexical only
 * GradingOptions model = GradingOptions.builder()
 *         .judge("openai").model("gpt-4o-mini").policy("escalate")
 *         .maxCalls(50_000).cacheDir("/mnt/local/grader-llm").build();
 * }</pre>
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class GradingOptions implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Answers larger than this (UTF-8 bytes) are not graded: the limit of one line of a batch table, 4 MB. */
    public static final int DEFAULT_MAX_ANSWER_BYTES = 4 << 20;
    /** Answers a task grades at a time. */
    public static final int DEFAULT_BATCH_SIZE = 256;

    static final List<String> JUDGES = List.of("offline", "openai", "ollama", "anthropic");
    static final List<String> POLICIES = List.of("offline", "llm", "blend", "escalate", "consensus");

    private final boolean embeddings;
    private final String judge;
    private final String policy;
    private final List<String> models;
    private final String baseUrl;
    private final int samples;
    private final Double temperature;
    private final int maxCalls;
    private final int concurrency;
    private final int timeoutSeconds;
    private final String cacheDir;
    private final boolean jsonSchema;
    private final TreeMap<String, double[]> prices;
    private final List<String> questions;
    private final int maxAnswerBytes;
    private final int batchSize;
    private final String nativeCacheDir;
    // The examples stay on the driver: GradingFunctions broadcasts them once; tasks carry their hash.
    private final transient GradedExamples examples;
    private final String examplesSha256;

    private GradingOptions(Builder b) {
        this.embeddings = b.embeddings;
        this.judge = b.judge;
        this.policy = b.policy != null ? b.policy : b.judge.equals("offline") ? "offline" : "llm";
        this.models = b.models == null ? null : List.copyOf(b.models);
        this.baseUrl = b.baseUrl;
        this.samples = b.samples;
        this.temperature = b.temperature;
        this.maxCalls = b.maxCalls;
        this.concurrency = b.concurrency;
        this.timeoutSeconds = b.timeoutSeconds;
        this.cacheDir = b.cacheDir;
        this.jsonSchema = b.jsonSchema;
        this.prices = new TreeMap<>(b.prices);
        this.questions = b.questions == null ? null : List.copyOf(b.questions);
        this.maxAnswerBytes = b.maxAnswerBytes;
        this.batchSize = b.batchSize;
        this.nativeCacheDir = b.nativeCacheDir;
        this.examples = b.examples;
        this.examplesSha256 = b.examples.isEmpty() ? null : b.examples.sha256();
        if (!this.policy.equals("offline") && this.judge.equals("offline")) {
            throw new IllegalArgumentException("policy " + this.policy + " needs a model: set judge to openai, ollama "
                    + "or anthropic");
        }
        if (this.policy.equals("consensus") && (this.models == null || this.models.size() < 2) && samples < 2) {
            throw new IllegalArgumentException("consensus needs at least 2 samples or models");
        }
        if (!this.policy.equals("consensus") && this.models != null && this.models.size() > 1) {
            throw new IllegalArgumentException("several models need policy consensus");
        }
    }

    /** The offline judge with sentence embeddings, every question, default limits. */
    public static GradingOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether the offline judge uses sentence embeddings. */
    public boolean embeddings() {
        return embeddings;
    }

    /** {@code offline}, {@code openai}, {@code ollama} or {@code anthropic}. */
    public String judge() {
        return judge;
    }

    /** How the offline judge and the model combine: {@code offline}, {@code llm}, {@code blend}, ... */
    public String policy() {
        return policy;
    }

    /** Whether a model is called: a judge other than offline under a policy other than offline. */
    public boolean usesModel() {
        return !policy.equals("offline");
    }

    /** The models (several for consensus), or null for the provider's default. */
    public List<String> models() {
        return models;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public int samples() {
        return samples;
    }

    /** The sampling temperature, or null for the default (0; 0.7 when consensus samples one model). */
    public Double temperature() {
        return temperature;
    }

    /** Requests to models allowed for the whole run, split across partitions; -1 for no limit. */
    public int maxCalls() {
        return maxCalls;
    }

    /** Requests in flight per task. */
    public int concurrency() {
        return concurrency;
    }

    public int timeoutSeconds() {
        return timeoutSeconds;
    }

    /** The model reply cache on each executor's disk, or null for none. */
    public String cacheDir() {
        return cacheDir;
    }

    public boolean jsonSchema() {
        return jsonSchema;
    }

    /** USD per million input and output tokens by model, over the built-in price list. */
    public Map<String, double[]> prices() {
        return Collections.unmodifiableMap(prices);
    }

    /** The assigned questions by id, or null for every question of the rubric. */
    public List<String> questions() {
        return questions;
    }

    public int maxAnswerBytes() {
        return maxAnswerBytes;
    }

    public int batchSize() {
        return batchSize;
    }

    /** Where executors unpack native libraries (ONNX Runtime), or null for {@code java.io.tmpdir}. */
    public String nativeCacheDir() {
        return nativeCacheDir;
    }

    /**
     * The graded examples that correct the offline judge ({@link GradedExamples#NONE} when none, and on executors,
     * which receive them as a broadcast variable).
     */
    public GradedExamples examples() {
        return examples != null ? examples : GradedExamples.NONE;
    }

    /** The graded examples' SHA-256, or null without examples. */
    String examplesSha256() {
        return examplesSha256;
    }

    /** Everything that can change a report: graders built for equal keys are interchangeable. */
    String judgeKey() {
        StringBuilder s = new StringBuilder();
        s.append("embeddings=").append(embeddings).append("|judge=").append(judge).append("|policy=").append(policy)
                .append("|models=").append(models).append("|baseUrl=").append(baseUrl).append("|samples=")
                .append(samples).append("|temperature=").append(temperature).append("|timeout=")
                .append(timeoutSeconds).append("|cache=").append(cacheDir).append("|jsonSchema=").append(jsonSchema)
                .append("|concurrency=").append(concurrency).append("|examples=").append(examplesSha256);
        prices.forEach((m, p) -> s.append("|price:").append(m).append('=').append(p[0]).append(',').append(p[1]));
        return s.toString();
    }

    @Override
    public String toString() {
        return "GradingOptions[" + judgeKey() + "|maxCalls=" + maxCalls + "|questions=" + questions
                + "|maxAnswerBytes=" + maxAnswerBytes + "|batchSize=" + batchSize + "]";
    }

    /** Configures {@link GradingOptions}; each setting is checked when set, the message naming it. */
    public static final class Builder {

        private boolean embeddings = true;
        private String judge = "offline";
        private String policy;
        private List<String> models;
        private String baseUrl;
        private int samples = 3;
        private Double temperature;
        private int maxCalls = -1;
        private int concurrency = 4;
        private int timeoutSeconds = 60;
        private String cacheDir;
        private boolean jsonSchema = true;
        private final TreeMap<String, double[]> prices = new TreeMap<>();
        private List<String> questions;
        private int maxAnswerBytes = DEFAULT_MAX_ANSWER_BYTES;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private String nativeCacheDir;
        private GradedExamples examples = GradedExamples.NONE;

        private Builder() {
        }

        /** Sentence embeddings in the offline judge (default true); off is much faster. */
        public Builder embeddings(boolean on) {
            this.embeddings = on;
            return this;
        }

        /** {@code offline} (default), {@code openai}, {@code ollama} or {@code anthropic}. */
        public Builder judge(String judge) {
            String j = Objects.requireNonNull(judge, "judge").strip().toLowerCase(Locale.ROOT);
            if (!JUDGES.contains(j)) {
                throw new IllegalArgumentException("judge must be one of " + String.join(", ", JUDGES) + ", found '"
                        + judge + "'");
            }
            this.judge = j;
            return this;
        }

        /** {@code offline}, {@code llm} (the default with a model), {@code blend}, {@code escalate}, {@code consensus}. */
        public Builder policy(String policy) {
            String p = Objects.requireNonNull(policy, "policy").strip().toLowerCase(Locale.ROOT);
            if (!POLICIES.contains(p)) {
                throw new IllegalArgumentException("policy must be one of " + String.join(", ", POLICIES)
                        + ", found '" + policy + "'");
            }
            this.policy = p;
            return this;
        }

        /** The model, or comma-separated models for consensus; default the provider's. */
        public Builder model(String model) {
            List<String> names = new ArrayList<>();
            for (String m : Objects.requireNonNull(model, "model").split(",")) {
                if (!m.isBlank()) {
                    names.add(m.strip());
                }
            }
            if (names.isEmpty()) {
                throw new IllegalArgumentException("model cannot be blank");
            }
            this.models = names;
            return this;
        }

        /** An OpenAI-compatible endpoint, or Ollama's root; must start with http:// or https://. */
        public Builder baseUrl(String baseUrl) {
            String url = Objects.requireNonNull(baseUrl, "baseUrl").strip();
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                throw new IllegalArgumentException("baseUrl must start with http:// or https://, found '" + url + "'");
            }
            this.baseUrl = url;
            return this;
        }

        /** Samples of one model for consensus, at least 2 to vote; default 3. */
        public Builder samples(int samples) {
            this.samples = atLeast(samples, 1, "samples");
            return this;
        }

        /** Sampling temperature, 0..2. */
        public Builder temperature(double temperature) {
            if (!(temperature >= 0 && temperature <= 2)) {
                throw new IllegalArgumentException("temperature must be between 0 and 2, found " + temperature);
            }
            this.temperature = temperature;
            return this;
        }

        /** Requests to models for the whole run (retries and repairs count), split evenly across partitions. */
        public Builder maxCalls(int maxCalls) {
            this.maxCalls = atLeast(maxCalls, 0, "maxCalls");
            return this;
        }

        /** Requests in flight per task (default 4). */
        public Builder concurrency(int concurrency) {
            this.concurrency = atLeast(concurrency, 1, "concurrency");
            return this;
        }

        /** Seconds allowed for one request, its whole exchange (default 60). */
        public Builder timeoutSeconds(int seconds) {
            this.timeoutSeconds = atLeast(seconds, 1, "timeoutSeconds");
            return this;
        }

        /** A directory on each executor's disk for cached model replies (default: no cache). */
        public Builder cacheDir(String dir) {
            String d = Objects.requireNonNull(dir, "cacheDir").strip();
            if (d.isEmpty()) {
                throw new IllegalArgumentException("cacheDir cannot be blank");
            }
            this.cacheDir = d;
            return this;
        }

        /** Send the reply's JSON schema (default true); false sends plain JSON mode. */
        public Builder jsonSchema(boolean on) {
            this.jsonSchema = on;
            return this;
        }

        /** A price in USD per million input and output tokens, for cost estimates. */
        public Builder price(String model, double inputPerMillion, double outputPerMillion) {
            if (Objects.requireNonNull(model, "model").isBlank() || !(inputPerMillion >= 0)
                    || !(outputPerMillion >= 0)) {
                throw new IllegalArgumentException("price needs a model and prices of 0 or more, found " + model + "="
                        + inputPerMillion + "," + outputPerMillion);
            }
            prices.put(model.strip(), new double[] {inputPerMillion, outputPerMillion});
            return this;
        }

        /**
         * The assigned questions: rows for other questions are not graded (error {@code not-assigned}), and
         * candidates' totals count these. Default: every question of the rubric is graded, and the job's totals
         * count the questions the answers answer (as {@code grader batch} does).
         */
        public Builder questions(List<String> ids) {
            if (Objects.requireNonNull(ids, "questions").isEmpty()) {
                throw new IllegalArgumentException("questions must not be empty");
            }
            this.questions = List.copyOf(ids);
            return this;
        }

        /** Answers larger than this many UTF-8 bytes are not graded (error {@code oversized}); default 4 MB. */
        public Builder maxAnswerBytes(int bytes) {
            this.maxAnswerBytes = atLeast(bytes, 1, "maxAnswerBytes");
            return this;
        }

        /** Answers a task grades at a time (identical answers in a batch are graded once); default 256. */
        public Builder batchSize(int size) {
            this.batchSize = atLeast(size, 1, "batchSize");
            return this;
        }

        /** Where executors unpack ONNX Runtime's native library once (default: under {@code java.io.tmpdir}). */
        public Builder nativeCacheDir(String dir) {
            this.nativeCacheDir = Objects.requireNonNull(dir, "nativeCacheDir");
            return this;
        }

        /**
         * Answers already graded by people: they correct the offline judge on answers like them (as {@code grader
         * batch --examples} does) and, with a model, are shown to it. Broadcast once to the executors.
         */
        public Builder examples(GradedExamples examples) {
            this.examples = Objects.requireNonNull(examples, "examples");
            return this;
        }

        /**
         * @throws IllegalArgumentException for a policy that needs a model without one, consensus without two
         *                                  samples or models, or several models without consensus
         */
        public GradingOptions build() {
            return new GradingOptions(this);
        }

        private static int atLeast(int value, int min, String name) {
            if (value < min) {
                throw new IllegalArgumentException(name + " must be at least " + min + ", found " + value);
            }
            return value;
        }
    }
}
