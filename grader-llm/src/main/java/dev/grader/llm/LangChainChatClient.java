package dev.grader.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;

/** A {@link ChatClient} over a LangChain4j {@link ChatModel}: system + user message, JSON schema reply format. */
final class LangChainChatClient implements ChatClient {

    /** How the reply is held to JSON. */
    enum ReplyFormat {
        /** {@code json_schema}: the server enforces the schema (OpenAI, Ollama's {@code format}). */
        JSON_SCHEMA,
        /** JSON mode: valid JSON, the schema only in the prompt (OpenAI-compatible servers without schemas). */
        JSON_MODE,
        /** No server-side format (Anthropic): the prompt, the parser and one repair attempt hold the format. */
        PROMPT_ONLY
    }

    private final ChatModel model;
    private final ReplyFormat format;

    LangChainChatClient(ChatModel model, ReplyFormat format) {
        this.model = model;
        this.format = format;
    }

    @Override
    public ChatReply chat(ChatPrompt prompt) {
        ChatRequest.Builder request = ChatRequest.builder()
                .messages(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user()))
                .temperature(prompt.temperature());
        if (format == ReplyFormat.JSON_SCHEMA) {
            request.responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(prompt.schema())
                    .build());
        } else if (format == ReplyFormat.JSON_MODE) {
            request.responseFormat(ResponseFormat.JSON);
        }
        ChatResponse response = model.chat(request.build());
        TokenUsage usage = response.tokenUsage();
        return new ChatReply(response.aiMessage() == null ? "" : response.aiMessage().text(),
                usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount(),
                usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount());
    }
}
