package dev.grader.cli;

import dev.grader.InvalidInputException;
import dev.grader.Judge;
import dev.grader.judge.BlendingJudge;
import dev.grader.judge.ConsensusJudge;
import dev.grader.examples.GradedExamples;
import dev.grader.judge.EscalatingJudge;
import dev.grader.judge.ExampleJudge;
import dev.grader.judge.OfflineJudge;
import dev.grader.judge.SentenceEncoderProvider;
import dev.grader.llm.CallBudget;
import dev.grader.llm.LlmJudge;
import dev.grader.llm.LlmUsage;
import dev.grader.llm.Price;
import dev.grader.llm.PriceTable;
import dev.grader.llm.Provider;
import dev.grader.llm.ShownUrl;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns {@link JudgeOptions}, the environment and {@code grader.yaml} into a {@link Judge}. Each setting comes
 * from the first place that has it:
 * <ol>
 *   <li>the command line ({@code --judge}, {@code --model}, ...);</li>
 *   <li>the environment: {@code GRADER_JUDGE}, {@code GRADER_MODEL}, {@code OLLAMA_HOST} (the Ollama server);</li>
 *   <li>{@code ./grader.yaml}, then {@code ${XDG_CONFIG_HOME:-~/.config}/grader/grader.yaml};</li>
 *   <li>defaults: the offline judge; with a model, policy {@code llm}.</li>
 * </ol>
 * API keys come only from {@code OPENAI_API_KEY} and {@code ANTHROPIC_API_KEY}, and no message ever shows them.
 * Configuration errors are {@link InvalidInputException}s that name the flag or file and key.
 */
final class JudgeFactory {

    static final String OFFLINE = "offline";
    static final List<String> POLICIES = List.of("offline", "llm", "blend", "escalate", "consensus");

    private JudgeFactory() {
    }

    static JudgeSetup create(JudgeOptions o, JudgeEnvironment env) {
        return create(o, env, null, GradedExamples.NONE);
    }

    /**
     * @param examples answers already graded: the offline judge is corrected by them ({@link ExampleJudge}, its
     *                 fitted weights cached on disk) and each model request carries the nearest few
     */
    static JudgeSetup create(JudgeOptions o, JudgeEnvironment env, GradedExamples examples) {
        return create(o, env, null, examples);
    }

    /**
     * The configured model as a plain {@code llm} judge whatever the policy, for work other than grading
     * ({@code compile --suggest}).
     *
     * @throws InvalidInputException when no model is configured, naming {@code what} needs one
     */
    static LlmJudge createModel(JudgeOptions o, JudgeEnvironment env, String what) {
        return create(o, env, "llm", GradedExamples.NONE).model().orElseThrow(() -> new InvalidInputException(what, null,
                "needs a model: add --judge openai|ollama|anthropic (or set GRADER_JUDGE)"));
    }

    private static JudgeSetup create(JudgeOptions o, JudgeEnvironment env, String forcedPolicy,
                                     GradedExamples examples) {
        GraderConfig local = GraderConfig.read(env.workingDir().resolve(GraderConfig.FILE_NAME));
        GraderConfig user = GraderConfig.read(env.userConfigFile());

        boolean embeddings = !o.noEmbeddings && first(local.embeddings(), user.embeddings(), true);
        OfflineJudge.Builder offlineBuilder = OfflineJudge.builder().embeddings(embeddings);
        if (embeddings) {
            // a question's key points and examples are embedded once, not on every run
            SentenceEncoderProvider.installed().ifPresent(e -> offlineBuilder.encoder(VectorCache.in(e, env)));
        }
        OfflineJudge plainOffline = offlineBuilder.build();
        Judge offline = examples.isEmpty() ? plainOffline
                : ExampleJudge.builder(plainOffline, examples).encoder(plainOffline.sentenceEncoder())
                        .weightsStore(ExampleWeightsCache.in(env)).build();

        String judgeName = first(o.judge, env.get("GRADER_JUDGE"), local.judge(), user.judge(), OFFLINE)
                .toLowerCase(Locale.ROOT);
        String policySource = o.policy != null ? "--policy" : local.policy() != null ? local.source()
                : user.source();
        String policy = first(forcedPolicy, o.policy, local.policy(), user.policy(),
                judgeName.equals(OFFLINE) ? OFFLINE : "llm").toLowerCase(Locale.ROOT);
        if (!POLICIES.contains(policy)) {
            throw new InvalidInputException(policySource, null, "unknown policy '" + policy + "'; valid: "
                    + String.join(", ", POLICIES));
        }
        if (judgeName.equals(OFFLINE)) {
            boolean offlineAsked = o.judge != null || env.get("GRADER_JUDGE") != null;
            if (forcedPolicy != null || offlineAsked && o.policy == null) {
                // "--judge offline" overrides a policy a config file set for its model
                return JudgeSetup.offline(offline);
            }
            if (!policy.equals(OFFLINE)) {
                throw new InvalidInputException(policySource, null, "policy " + policy + " needs a model: add "
                        + "--judge openai|ollama|anthropic (or set GRADER_JUDGE)");
            }
            return JudgeSetup.offline(offline);
        }
        Provider provider;
        try {
            provider = Provider.parse(judgeName);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(o.judge != null ? "--judge" : env.get("GRADER_JUDGE") != null
                    ? "GRADER_JUDGE" : "grader.yaml", null, "unknown judge '" + judgeName + "'; valid: offline, "
                    + "openai, ollama, anthropic");
        }
        if (policy.equals(OFFLINE)) {
            return JudgeSetup.offline(offline);
        }

        List<String> models = Arrays.stream(first(o.model, env.get("GRADER_MODEL"), local.model(), user.model(),
                provider.defaultModel()).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        String baseUrl = first(o.baseUrl, provider == Provider.OLLAMA ? ollamaHost(env.get("OLLAMA_HOST")) : null,
                local.baseUrl(), user.baseUrl(), null);
        String apiKey = apiKey(provider, baseUrl, env);
        int samples = positive(first(o.samples, local.samples(), user.samples(), 3), "--samples");
        boolean sampling = policy.equals("consensus") && models.size() == 1;
        double temperature = first(o.temperature, local.temperature(), user.temperature(), sampling ? 0.7 : 0.0);
        int maxCalls = first(o.maxCalls, local.maxCalls(), user.maxCalls(), -1);
        int concurrency = positive(first(o.concurrency, local.concurrency(), user.concurrency(), 4), "--concurrency");
        int timeout = positive(first(o.timeoutSeconds, local.timeoutSeconds(), user.timeoutSeconds(), 60),
                "--timeout");
        boolean cacheOn = !o.noCache && first(local.cache(), user.cache(), true);
        Path cacheDir = first(o.cacheDir, local.cacheDir(), user.cacheDir(), env.defaultCacheDir());
        boolean jsonSchema = first(local.jsonSchema(), user.jsonSchema(), true);

        CallBudget budget = maxCalls < 0 ? CallBudget.unlimited() : CallBudget.of(maxCalls);
        LlmUsage usage = new LlmUsage();
        PriceTable prices = prices(o.prices, local, user);

        List<LlmJudge> llms = new ArrayList<>();
        int count = sampling ? samples : policy.equals("consensus") ? models.size() : 1;
        if (!policy.equals("consensus") && models.size() > 1) {
            throw new InvalidInputException("--model", null, "several models need --policy consensus");
        }
        for (int i = 0; i < count; i++) {
            LlmJudge.Builder b = LlmJudge.builder()
                    .provider(provider)
                    .modelName(sampling ? models.get(0) : models.get(i))
                    .temperature(checkTemperature(temperature))
                    .sample(sampling ? i : 0)
                    .timeout(Duration.ofSeconds(timeout))
                    .concurrency(concurrency)
                    .budget(budget)
                    .usage(usage)
                    .prices(prices)
                    .fallback(plainOffline)
                    .examples(examples)
                    .jsonSchema(jsonSchema);
            if (baseUrl != null) {
                try {
                    b.baseUrl(baseUrl);
                } catch (IllegalArgumentException e) {
                    throw badBaseUrl(o.baseUrl != null ? "--base-url" : "baseUrl in grader.yaml", baseUrl);
                }
            }
            if (apiKey != null) {
                b.apiKey(apiKey);
            }
            if (cacheOn) {
                b.cacheDir(cacheDir);
            } else {
                b.noCache();
            }
            llms.add(b.build());
        }
        if (policy.equals("consensus") && llms.size() < 2) {
            throw new InvalidInputException("--samples", null, "consensus needs at least 2 samples or models");
        }
        Judge judge = switch (policy) {
            case "llm" -> llms.get(0);
            case "blend" -> BlendingJudge.builder(offline, llms.get(0))
                    .secondWeight(unit(first(local.blendLlmWeight(), user.blendLlmWeight(), 0.5), "blend.llmWeight"))
                    .build();
            case "escalate" -> EscalatingJudge.builder(offline, llms.get(0))
                    .confidence(unit(first(local.escalateConfidence(), user.escalateConfidence(), 0.5),
                            "escalate.confidence"))
                    .margin(unit(first(local.escalateMargin(), user.escalateMargin(), 0.1), "escalate.margin"))
                    .build();
            case "consensus" -> ConsensusJudge.of(llms);
            default -> throw new IllegalStateException("policy " + policy);
        };
        return JudgeSetup.withModel(judge, llms.get(0), usage, provider.id() + " " + String.join(",", models));
    }

    /**
     * What was typed, so a typo can be seen (a URL is not a secret, but a password or a query value in it is
     * masked), and the likely fix: {@code 127.0.0.1:18082} is {@code http://127.0.0.1:18082}.
     */
    static InvalidInputException badBaseUrl(String source, String baseUrl) {
        String shown = ShownUrl.of(baseUrl);
        String hint = shown.matches("[A-Za-z0-9.\\-\\[\\]:*@]+(:\\d+)?(/\\S*)?") && !shown.contains("://")
                ? "; did you mean 'http://" + shown + "'?" : "";
        return new InvalidInputException(source, null, "'" + shown + "' is not a server URL: it must start with "
                + "http:// or https://" + hint);
    }

    /** {@code OLLAMA_HOST} as Ollama itself reads it: {@code host}, {@code host:port} or a URL. */
    static String ollamaHost(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (v.startsWith("http://") || v.startsWith("https://")) {
            return v;
        }
        return "http://" + (v.contains(":") ? v : v + ":11434");
    }

    private static String apiKey(Provider provider, String baseUrl, JudgeEnvironment env) {
        return switch (provider) {
            case OPENAI -> {
                String key = env.get("OPENAI_API_KEY");
                if (key == null && baseUrl == null) {
                    throw new InvalidInputException("--judge openai", null, "OPENAI_API_KEY is not set (or pass "
                            + "--base-url of an OpenAI-compatible server that needs no key)");
                }
                yield key;
            }
            case ANTHROPIC -> {
                String key = env.get("ANTHROPIC_API_KEY");
                if (key == null && baseUrl == null) {
                    throw new InvalidInputException("--judge anthropic", null, "ANTHROPIC_API_KEY is not set");
                }
                yield key;
            }
            case OLLAMA -> null;
        };
    }

    private static PriceTable prices(List<String> flags, GraderConfig local, GraderConfig user) {
        PriceTable table = PriceTable.defaults();
        for (Map.Entry<String, Price> e : user.prices().entrySet()) {
            table = table.with(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, Price> e : local.prices().entrySet()) {
            table = table.with(e.getKey(), e.getValue());
        }
        for (String flag : flags) {
            int eq = flag.lastIndexOf('=');
            String[] parts = eq < 0 ? new String[0] : flag.substring(eq + 1).split(",");
            try {
                if (eq <= 0 || parts.length != 2) {
                    throw new IllegalArgumentException("expected MODEL=IN,OUT in USD per million tokens, such as "
                            + "gpt-4o-mini=0.15,0.60");
                }
                table = table.with(flag.substring(0, eq), new Price(Double.parseDouble(parts[0].strip()),
                        Double.parseDouble(parts[1].strip())));
            } catch (IllegalArgumentException e) {
                String message = e instanceof NumberFormatException
                        ? "prices must be numbers, as in gpt-4o-mini=0.15,0.60" : e.getMessage();
                throw new InvalidInputException("--price " + flag, null, message);
            }
        }
        return table;
    }

    private static int positive(int value, String name) {
        if (value < 1) {
            throw new InvalidInputException(name, null, "must be at least 1, found " + value);
        }
        return value;
    }

    private static double unit(double value, String name) {
        if (!(value >= 0 && value <= 1)) {
            throw new InvalidInputException("grader.yaml", name, "must be between 0 and 1, found " + value);
        }
        return value;
    }

    private static double checkTemperature(double t) {
        if (!(t >= 0 && t <= 2)) {
            throw new InvalidInputException("--temperature", null, "must be between 0 and 2, found " + t);
        }
        return t;
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
