package dev.grader.spark;

import dev.grader.Judge;
import dev.grader.examples.GradedExamples;
import dev.grader.judge.BlendingJudge;
import dev.grader.judge.ConsensusJudge;
import dev.grader.judge.EscalatingJudge;
import dev.grader.judge.OfflineJudge;
import dev.grader.llm.CallBudget;
import dev.grader.llm.LlmJudge;
import dev.grader.llm.LlmUsage;
import dev.grader.llm.Price;
import dev.grader.llm.PriceTable;
import dev.grader.llm.Provider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the judge {@link GradingOptions} describe, on an executor, from the library's public builders and with the
 * defaults of the {@code grader} command, so that a report names the same judge settings as {@code grader grade}
 * gives it for the same options (escalate: confidence 0.5, margin 0.1; blend: model weight 0.5).
 */
final class JudgeAssembly {

    private JudgeAssembly() {
    }

    /** The offline judge of these options (also the model's fallback). */
    static OfflineJudge offline(GradingOptions o) {
        return OfflineJudge.builder().embeddings(o.embeddings()).build();
    }

    /**
     * The judge of these options: {@code corrected} (the offline judge, corrected by the graded examples if any), or
     * a model judge under its policy whose requests come from {@code budget} and are counted in {@code usage}: the
     * model is shown the nearest {@code examples} and falls back to the plain {@code offline} judge, as in the
     * {@code grader} command.
     */
    static Judge judge(GradingOptions o, OfflineJudge offline, Judge corrected, GradedExamples examples,
                       CallBudget budget, LlmUsage usage) {
        if (!o.usesModel()) {
            return corrected;
        }
        Provider provider = Provider.parse(o.judge());
        List<String> models = o.models() != null ? o.models() : List.of(provider.defaultModel());
        boolean consensus = o.policy().equals("consensus");
        boolean sampling = consensus && models.size() == 1;
        double temperature = o.temperature() != null ? o.temperature() : sampling ? 0.7 : 0.0;
        PriceTable prices = PriceTable.defaults();
        for (var e : o.prices().entrySet()) {
            prices = prices.with(e.getKey(), new Price(e.getValue()[0], e.getValue()[1]));
        }
        String apiKey = switch (provider) {
            case OPENAI -> System.getenv("OPENAI_API_KEY");
            case ANTHROPIC -> System.getenv("ANTHROPIC_API_KEY");
            case OLLAMA -> null;
        };
        String baseUrl = o.baseUrl() != null ? o.baseUrl()
                : provider == Provider.OLLAMA ? ollamaHost(System.getenv("OLLAMA_HOST")) : null;
        int count = sampling ? o.samples() : consensus ? models.size() : 1;
        List<LlmJudge> llms = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LlmJudge.Builder b = LlmJudge.builder()
                    .provider(provider)
                    .modelName(sampling ? models.get(0) : models.get(i))
                    .temperature(temperature)
                    .sample(sampling ? i : 0)
                    .timeout(Duration.ofSeconds(o.timeoutSeconds()))
                    .concurrency(o.concurrency())
                    .budget(budget)
                    .usage(usage)
                    .prices(prices)
                    .fallback(offline)
                    .examples(examples)
                    .jsonSchema(o.jsonSchema());
            if (baseUrl != null) {
                b.baseUrl(baseUrl);
            }
            if (apiKey != null && !apiKey.isBlank()) {
                b.apiKey(apiKey);
            }
            if (o.cacheDir() != null) {
                b.cacheDir(Path.of(o.cacheDir()));
            } else {
                b.noCache();
            }
            try {
                llms.add(b.build());
            } catch (IllegalStateException e) { // no API key on this executor
                throw new IllegalStateException(e.getMessage() + ": set it on the executors, e.g. --conf "
                        + "spark.executorEnv." + (provider == Provider.ANTHROPIC ? "ANTHROPIC" : "OPENAI")
                        + "_API_KEY=...", e);
            }
        }
        return switch (o.policy()) {
            case "llm" -> llms.get(0);
            case "blend" -> BlendingJudge.builder(corrected, llms.get(0)).secondWeight(0.5).build();
            case "escalate" -> EscalatingJudge.builder(corrected, llms.get(0)).confidence(0.5).margin(0.1).build();
            case "consensus" -> ConsensusJudge.of(llms);
            default -> throw new IllegalStateException("policy " + o.policy());
        };
    }

    /** {@code OLLAMA_HOST} as Ollama reads it: {@code host}, {@code host:port} or a URL. */
    static String ollamaHost(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.startsWith("http://") || v.startsWith("https://")) {
            return v;
        }
        return "http://" + (v.contains(":") ? v : v + ":11434");
    }
}
