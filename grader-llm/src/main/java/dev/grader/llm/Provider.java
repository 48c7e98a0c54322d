package dev.grader.llm;

import dev.grader.Api;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The model providers the judge talks to, each through its LangChain4j module.
 */
@Api(status = Api.Status.STABLE)
public enum Provider {
    /** OpenAI's chat completions API, and any OpenAI-compatible server through a base URL. */
    OPENAI("openai", "gpt-4o-mini", "https://api.openai.com/v1"),
    /** Ollama's native {@code /api/chat}. */
    OLLAMA("ollama", "llama3.1:8b", "http://localhost:11434"),
    /** Anthropic's messages API. */
    ANTHROPIC("anthropic", "claude-3-5-haiku-20241022", "https://api.anthropic.com/v1/");

    private final String id;
    private final String defaultModel;
    private final String defaultBaseUrl;

    Provider(String id, String defaultModel, String defaultBaseUrl) {
        this.id = id;
        this.defaultModel = defaultModel;
        this.defaultBaseUrl = defaultBaseUrl;
    }

    /** The name used on the command line, in {@code grader.yaml} and in reports. */
    public String id() {
        return id;
    }

    /** The model used when none is configured. */
    public String defaultModel() {
        return defaultModel;
    }

    /** The provider's public endpoint, used when no base URL is configured. */
    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    /**
     * @throws IllegalArgumentException naming the valid choices
     */
    public static Provider parse(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (Provider p : values()) {
            if (p.id.equals(wanted)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown provider '" + name + "'; valid: "
                + Arrays.stream(values()).map(Provider::id).collect(Collectors.joining(", ")));
    }
}
