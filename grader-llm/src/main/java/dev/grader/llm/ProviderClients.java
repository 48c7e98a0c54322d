package dev.grader.llm;

import dev.grader.llm.http.StatusAwareHttpClientBuilder;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.time.Duration;

/**
 * Builds the LangChain4j model of each provider. Retries are off ({@code maxRetries(0)}): {@link LlmJudge}
 * retries itself, with backoff, jitter and {@code Retry-After}, and counts every request. Request logging stays
 * off: it would print the API key. Anthropic has no JSON mode: its reply is held to the format by the prompt,
 * the parser and one repair attempt.
 */
final class ProviderClients {

    private ProviderClients() {
    }

    static ChatClient create(Provider provider, String model, String baseUrl, String apiKey, Duration timeout,
                             boolean jsonSchema) {
        ChatModel chatModel = switch (provider) {
            case OPENAI -> {
                OpenAiChatModel.OpenAiChatModelBuilder b = OpenAiChatModel.builder()
                        .httpClientBuilder(new StatusAwareHttpClientBuilder())
                        .baseUrl(baseUrl)
                        .apiKey(apiKey)
                        .modelName(model)
                        .timeout(timeout)
                        .maxRetries(0)
                        .logRequests(false)
                        .logResponses(false);
                if (jsonSchema) {
                    b.supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA).strictJsonSchema(true);
                }
                yield b.build();
            }
            case OLLAMA -> OllamaChatModel.builder()
                    .httpClientBuilder(new StatusAwareHttpClientBuilder())
                    .baseUrl(baseUrl)
                    .modelName(model)
                    .timeout(timeout)
                    .maxRetries(0)
                    .logRequests(false)
                    .logResponses(false)
                    .build();
            case ANTHROPIC -> AnthropicChatModel.builder()
                    .httpClientBuilder(new StatusAwareHttpClientBuilder())
                    .baseUrl(baseUrl)
                    .apiKey(apiKey)
                    .modelName(model)
                    .timeout(timeout)
                    .maxTokens(4096)
                    .maxRetries(0)
                    .logRequests(false)
                    .logResponses(false)
                    .build();
        };
        LangChainChatClient.ReplyFormat format = provider == Provider.ANTHROPIC
                ? LangChainChatClient.ReplyFormat.PROMPT_ONLY
                : jsonSchema ? LangChainChatClient.ReplyFormat.JSON_SCHEMA : LangChainChatClient.ReplyFormat.JSON_MODE;
        return new LangChainChatClient(chatModel, format);
    }
}
