package dev.grader.llm;

import dev.grader.Api;
import dev.grader.Assessment;
import dev.grader.Judge;
import dev.grader.JudgeInfo;
import dev.grader.JudgeTrace;
import dev.grader.internal.IoErrors;
import dev.grader.judge.OfflineJudge;
import dev.grader.rubric.Question;
import dev.grader.rubric.Rubric;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * Grades with a chat model: one request per answer decides every graded key point and misconception of the
 * question.
 * <ul>
 *   <li>providers through LangChain4j: OpenAI and any OpenAI-compatible server ({@code baseUrl}), Ollama's
 *       native API, Anthropic; structured output (JSON schema) where the server supports it;</li>
 *   <li>a versioned, rubric-aware prompt ({@link #PROMPT_VERSION}); the answer is fenced as untrusted data and
 *       cannot close its fence;</li>
 *   <li>every quote is checked against the answer: a point whose quote is not there is not credited, unknown
 *       ids are ignored, both are counted in the trace;</li>
 *   <li>an unparseable reply gets one repair request, then the offline judge decides and the trace says why —
 *       as it does for timeouts, HTTP errors after retries, and a spent {@link CallBudget};</li>
 *   <li>a persistent reply cache: regrading the same answer sends nothing and gives the same report;</li>
 *   <li>retries on 429 and 5xx with exponential backoff, jitter and {@code Retry-After}; a concurrency limit;
 *       timeouts; token usage and estimated cost per answer ({@link PriceTable}) and per run ({@link LlmUsage}).</li>
 * </ul>
 *
 * <pre>{@code
 * Judge judge = LlmJudge.builder()
 *         .provider(Provider.OPENAI)
 *         .modelName("gpt-4o-mini")
 *         .apiKey(System.getenv("OPENAI_API_KEY"))
 *         .build();
 * Grader grader = Grader.builder().rubric(Rubrics.defaultRubric()).judge(judge).build();
 *
 * Judge local = LlmJudge.builder()                       // any OpenAI-compatible server
 *         .baseUrl("http://localhost:8080/v1").modelName("qwen2.5-7b-instruct").build();
 * }</pre>
 *
 * <p>Points it decides carry {@code judge = "llm"}. Reports of an answer served from the cache record the
 * calls, tokens and cost of the reply that was cached ({@code cacheHits} stays 0 in reports), so they are
 * byte-identical to the first grading; {@link LlmUsage} counts what a run really sent. API keys never reach
 * reports, cache files, cache keys, logs or error messages.
 *
 * <p>Thread-safe.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class LlmJudge implements Judge {

    /** The value of {@code judge} in reports for points this judge decided. */
    public static final String NAME = "llm";

    /** The version of the prompt and reply format; part of cache keys and of {@link #info()}. */
    public static final String PROMPT_VERSION = GradingPrompt.VERSION;

    private final Provider provider;
    private final String model;
    private final String baseUrl;
    private final double temperature;
    private final int sample;
    private final ResilientChatClient client;
    private final ReplyCache cache;
    private final PriceTable prices;
    private final LlmUsage usage;
    private final Judge fallback;
    private final dev.grader.examples.GradedExamples examples;
    private final java.util.Map<String, dev.grader.examples.ExampleIndex> indexes =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final JudgeInfo info;

    private LlmJudge(Builder b) {
        this.provider = b.provider;
        this.model = b.modelName != null ? b.modelName : b.provider.defaultModel();
        this.baseUrl = b.baseUrl != null ? b.baseUrl : b.provider.defaultBaseUrl();
        this.temperature = b.temperature;
        this.sample = b.sample;
        ChatClient chat = b.chatClient != null ? b.chatClient
                : ProviderClients.create(provider, model, baseUrl, apiKeyFor(b), b.timeout, b.jsonSchema);
        this.client = new ResilientChatClient(chat, b.concurrency, b.budget, b.maxRetries,
                new Backoff(b.retryBackoff, Duration.ofSeconds(30), new Random()));
        this.cache = b.cacheDir == null ? null : new ReplyCache(b.cacheDir);
        this.prices = b.prices;
        this.usage = b.usage;
        this.fallback = b.fallback != null ? b.fallback : OfflineJudge.create();
        this.examples = b.examples;
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("provider", provider.id());
        s.put("model", model);
        s.put("endpoint", CacheKey.endpoint(baseUrl));
        s.put("promptVersion", PROMPT_VERSION);
        s.put("temperature", temperature);
        if (sample > 0) {
            s.put("sample", sample);
        }
        if (!examples.isEmpty()) {
            s.put("examplesInPrompt", EXAMPLES_IN_PROMPT);
        }
        this.info = new JudgeInfo(NAME, s);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code ${XDG_CACHE_HOME:-~/.cache}/grader/llm}: where replies are cached unless told otherwise. */
    public static Path defaultCacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("grader").resolve("llm");
    }

    @Override
    public Assessment assess(Question question, String answer) {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
        usage.answer();
        List<dev.grader.examples.GradedExample> nearest = nearestExamples(question, answer);
        String examplesKey = nearest.isEmpty() ? "" : GradingPrompt.user(question, "", nearest);
        String key = cache == null ? null
                : CacheKey.of(provider.id(), model, baseUrl, temperature, sample, question, answer, examplesKey);
        if (cache != null) {
            Optional<ReplyCache.Entry> hit = cache.get(key);
            if (hit.isPresent()) {
                try {
                    ModelReply reply = ReplyParser.parse(hit.get().reply());
                    usage.cacheHit();
                    return verdicts(question, answer, reply, hit.get(), List.of());
                } catch (ReplyFormatException corrupted) {
                    // An entry that no longer parses is a miss; the new reply overwrites it.
                }
            }
        }
        ChatPrompt prompt = new ChatPrompt(GradingPrompt.SYSTEM, GradingPrompt.user(question, answer, nearest),
                ReplySchema.GRADING, temperature);
        Spent spent = new Spent();
        try {
            ResilientChatClient.Exchange first = spent.add(client.send(prompt));
            ModelReply reply;
            String raw = first.reply().text();
            try {
                reply = ReplyParser.parse(raw);
            } catch (ReplyFormatException bad) {
                ChatPrompt repair = new ChatPrompt(prompt.system(), prompt.user() + "\n"
                        + GradingPrompt.repair(bad.getMessage()), prompt.schema(), temperature);
                ResilientChatClient.Exchange second = spent.add(client.send(repair));
                raw = second.reply().text();
                try {
                    reply = ReplyParser.parse(raw);
                } catch (ReplyFormatException stillBad) {
                    return fallback(question, answer, spent, "unparseable model reply after one repair attempt: "
                            + stillBad.getMessage());
                }
            }
            ReplyCache.Entry entry = new ReplyCache.Entry(raw, spent.requests, spent.prompt, spent.completion);
            List<String> notes = new ArrayList<>();
            if (cache != null) {
                try {
                    cache.put(key, entry);
                } catch (IOException e) {
                    notes.add("reply not cached: cannot write " + cache.dir() + " (" + IoErrors.reason(e) + ")");
                }
            }
            return verdicts(question, answer, reply, entry, notes);
        } catch (LlmCallException e) {
            spent.requests += e.requests();
            usage.requests(e.requests(), 0, 0, 0);
            return fallback(question, answer, spent, e.getMessage());
        }
    }

    /** Requests and tokens of one answer, recorded in the run's usage as they happen. */
    private final class Spent {
        int requests;
        long prompt;
        long completion;

        ResilientChatClient.Exchange add(ResilientChatClient.Exchange e) {
            requests += e.requests();
            prompt += e.reply().inputTokens();
            completion += e.reply().outputTokens();
            usage.requests(e.requests(), e.reply().inputTokens(), e.reply().outputTokens(),
                    cost(e.reply().inputTokens(), e.reply().outputTokens()));
            priceNote().ifPresent(note -> usage.unpriced(model));
            return e;
        }
    }

    private Assessment verdicts(Question question, String answer, ModelReply reply, ReplyCache.Entry entry,
                                List<String> extraNotes) {
        ReplyVerifier.Verified v = ReplyVerifier.verify(question, answer, reply, this::quoteStates);
        List<String> notes = new ArrayList<>(v.notes());
        notes.addAll(extraNotes);
        priceNote().ifPresent(notes::add);
        JudgeTrace trace = new JudgeTrace(entry.requests(), 0, 0, entry.promptTokens(), entry.completionTokens(),
                cost(entry.promptTokens(), entry.completionTokens()), null, v.rejectedQuotes(), v.unknownIds(),
                v.duplicateIds(), 0, notes, v.review());
        return new Assessment(v.points(), v.misconceptions(), v.probes(), v.feedback(), trace, v.errors());
    }

    /** How many of the nearest graded examples a request carries at most (within the prompt's budget). */
    static final int EXAMPLES_IN_PROMPT = 3;

    /** The graded examples of the question nearest the answer, nearest first; none without examples. */
    private List<dev.grader.examples.GradedExample> nearestExamples(Question question, String answer) {
        List<dev.grader.examples.GradedExample> own = examples.forQuestion(question.id());
        if (own.isEmpty()) {
            return List.of();
        }
        dev.grader.examples.ExampleIndex index = indexes.computeIfAbsent(question.id(),
                id -> new dev.grader.examples.ExampleIndex(own, fallback instanceof OfflineJudge offline
                        ? offline.sentenceEncoder() : null));
        return index.nearest(index.vector(answer), EXAMPLES_IN_PROMPT, -1).stream()
                .map(dev.grader.examples.ExampleIndex.Hit::example).toList();
    }

    /**
     * Whether a quote states (or denies) a key point as the offline judge reads it: a model's quote must prove
     * the point it is attached to, not merely exist in the answer.
     */
    private boolean quoteStates(Question question, dev.grader.rubric.KeyPoint keyPoint, String quote) {
        return fallback.assess(question, quote).points().stream()
                .anyMatch(p -> p.keyPointId().equals(keyPoint.id()) && p.status() != dev.grader.PointStatus.MISSED);
    }

    private Assessment fallback(Question question, String answer, Spent spent, String reason) {
        usage.fallback();
        Assessment offline = fallback.assess(question, answer);
        List<String> notes = new ArrayList<>();
        priceNote().ifPresent(notes::add);
        JudgeTrace llm = new JudgeTrace(spent.requests, 0, 0, spent.prompt, spent.completion,
                cost(spent.prompt, spent.completion), null, 0, 0, 0, notes);
        return new Assessment(offline.points(), offline.misconceptions(), offline.probes(), offline.feedback(),
                offline.trace().plus(llm).withFallback(reason), offline.errors());
    }

    private double cost(long in, long out) {
        return prices.price(model).map(p -> p.cost(in, out)).orElse(0.0);
    }

    private Optional<String> priceNote() {
        if (provider == Provider.OLLAMA || prices.price(model).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(JudgeTrace.noPriceNote(model));
    }

    @Override
    public JudgeInfo info() {
        return info;
    }

    @Override
    public void prepare(Rubric rubric) {
        fallback.prepare(rubric);
    }

    /**
     * Sends one request through this judge's client, budget and limits, and records its usage; for other
     * requests than grading (rubric suggestions). Not cached.
     *
     * @throws LlmCallException when the model cannot be reached
     */
    String complete(ChatPrompt prompt) {
        ResilientChatClient.Exchange e;
        try {
            e = client.send(prompt);
        } catch (LlmCallException failed) {
            usage.requests(failed.requests(), 0, 0, 0);
            throw failed;
        }
        usage.requests(e.requests(), e.reply().inputTokens(), e.reply().outputTokens(),
                cost(e.reply().inputTokens(), e.reply().outputTokens()));
        return e.reply().text();
    }

    double temperature() {
        return temperature;
    }

    /** The run's usage meter this judge reports to. */
    public LlmUsage usage() {
        return usage;
    }

    public String modelName() {
        return model;
    }

    public Provider provider() {
        return provider;
    }

    private static String apiKeyFor(Builder b) {
        boolean publicEndpoint = b.baseUrl == null;
        if (b.apiKey == null && b.provider != Provider.OLLAMA && publicEndpoint) {
            throw new IllegalStateException("apiKey must be set for " + b.provider.id() + " (or set a baseUrl of a "
                    + "server that needs none)");
        }
        // OpenAI-compatible local servers ignore the key, but LangChain4j requires one.
        return b.apiKey != null ? b.apiKey : "unused";
    }

    /**
     * Configures an {@link LlmJudge}. Each setting is validated when it is set; the messages name the setting.
     * Defaults: provider OpenAI, the provider's default model and endpoint, temperature 0, timeout 60 s, 3
     * retries, 4 concurrent requests, no call budget, cache in {@link #defaultCacheDir()}, the default price
     * table, the offline judge as fallback.
     */
    public static final class Builder {

        private Provider provider = Provider.OPENAI;
        private String modelName;
        private String baseUrl;
        private String apiKey;
        private ChatClient chatClient;
        private double temperature;
        private int sample;
        private Duration timeout = Duration.ofSeconds(60);
        private int maxRetries = 3;
        private Duration retryBackoff = Duration.ofSeconds(1);
        private int concurrency = 4;
        private CallBudget budget = CallBudget.unlimited();
        private Path cacheDir = defaultCacheDir();
        private PriceTable prices = PriceTable.defaults();
        private LlmUsage usage = new LlmUsage();
        private Judge fallback;
        private dev.grader.examples.GradedExamples examples = dev.grader.examples.GradedExamples.NONE;
        private boolean jsonSchema = true;

        private Builder() {
        }

        public Builder provider(Provider provider) {
            this.provider = Objects.requireNonNull(provider, "provider");
            return this;
        }

        /** The model; defaults to {@link Provider#defaultModel()}. */
        public Builder modelName(String modelName) {
            this.modelName = requireText(modelName, "modelName");
            return this;
        }

        /**
         * The server: for OpenAI, any OpenAI-compatible endpoint ({@code http://localhost:8080/v1}); for Ollama,
         * its root ({@code http://localhost:11434}). Defaults to {@link Provider#defaultBaseUrl()}.
         */
        public Builder baseUrl(String baseUrl) {
            String url = requireText(baseUrl, "baseUrl");
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                throw new IllegalArgumentException("baseUrl must start with http:// or https://, found '"
                        + ShownUrl.of(url) + "'");
            }
            this.baseUrl = url;
            return this;
        }

        /** The API key; required by OpenAI's and Anthropic's public endpoints. Never logged or stored. */
        public Builder apiKey(String apiKey) {
            this.apiKey = requireText(apiKey, "apiKey");
            return this;
        }

        /** Talk to this client instead of a provider's LangChain4j model (tests, other transports). */
        public Builder chatClient(ChatClient chatClient) {
            this.chatClient = Objects.requireNonNull(chatClient, "chatClient");
            return this;
        }

        /** Sampling temperature, 0..2; default 0 (the most repeatable verdicts). */
        public Builder temperature(double temperature) {
            if (!(temperature >= 0 && temperature <= 2)) {
                throw new IllegalArgumentException("temperature must be between 0 and 2, found " + temperature);
            }
            this.temperature = temperature;
            return this;
        }

        /**
         * Which sample this judge is when several judges sample one model at a temperature above 0 (consensus):
         * samples have their own cache entries. Default 0.
         */
        public Builder sample(int sample) {
            if (sample < 0) {
                throw new IllegalArgumentException("sample must be at least 0, found " + sample);
            }
            this.sample = sample;
            return this;
        }

        /** Time allowed for one request; default 60 s. A request that times out falls back at once. */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, found " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** Retries of a request answered with 429 or 5xx; default 3. */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must be at least 0, found " + maxRetries);
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /** The first retry's wait without {@code Retry-After}; doubled per retry, with jitter. Default 1 s. */
        public Builder retryBackoff(Duration base) {
            Objects.requireNonNull(base, "retryBackoff");
            if (base.isNegative()) {
                throw new IllegalArgumentException("retryBackoff must not be negative, found " + base);
            }
            this.retryBackoff = base;
            return this;
        }

        /** Requests in flight at once; default 4. */
        public Builder concurrency(int concurrency) {
            if (concurrency < 1) {
                throw new IllegalArgumentException("concurrency must be at least 1, found " + concurrency);
            }
            this.concurrency = concurrency;
            return this;
        }

        /** The run's request budget, shared with other judges; default unlimited. */
        public Builder budget(CallBudget budget) {
            this.budget = Objects.requireNonNull(budget, "budget");
            return this;
        }

        /** Where replies are cached; default {@link #defaultCacheDir()}. */
        public Builder cacheDir(Path dir) {
            this.cacheDir = Objects.requireNonNull(dir, "cacheDir");
            return this;
        }

        /** No reply cache: every grading sends a request. */
        public Builder noCache() {
            this.cacheDir = null;
            return this;
        }

        /** Prices for cost estimates; default {@link PriceTable#defaults()}. */
        public Builder prices(PriceTable prices) {
            this.prices = Objects.requireNonNull(prices, "prices");
            return this;
        }

        /** The run's usage meter, shared with other judges; default a meter of this judge's own. */
        public Builder usage(LlmUsage usage) {
            this.usage = Objects.requireNonNull(usage, "usage");
            return this;
        }

        /** The judge that decides when the model cannot; default {@link OfflineJudge#create()}. */
        /**
         * Answers already graded for the rubric's questions: each request carries the few nearest to the answer,
         * fenced as data with their grades, as calibration.
         */
        public Builder examples(dev.grader.examples.GradedExamples examples) {
            this.examples = Objects.requireNonNull(examples, "examples");
            return this;
        }

        public Builder fallback(Judge fallback) {
            this.fallback = Objects.requireNonNull(fallback, "fallback");
            return this;
        }

        /**
         * Whether to send the reply's JSON schema (default true); false sends plain JSON mode, for
         * OpenAI-compatible servers that reject {@code json_schema}.
         */
        public Builder jsonSchema(boolean on) {
            this.jsonSchema = on;
            return this;
        }

        /**
         * @throws IllegalStateException if OpenAI's or Anthropic's public endpoint is used without an API key
         */
        public LlmJudge build() {
            return new LlmJudge(this);
        }

        private static String requireText(String value, String name) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " cannot be null or blank");
            }
            return value.strip();
        }
    }
}
