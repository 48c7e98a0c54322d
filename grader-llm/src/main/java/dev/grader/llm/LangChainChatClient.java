package dev.grader.llm;

import dev.grader.llm.http.ReplyFailureException;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.io.UncheckedIOException;

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

    /** Why a reply that arrived could not be read as a chat completion. */
    static final String NOT_THE_FORMAT = "the model's reply was not the JSON format asked for";

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
        ChatResponse response;
        try {
            response = model.chat(request.build());
        } catch (InternalServerException e) {
            if (ResilientChatClient.statusCode(e) == 0) {
                // not a 5xx: LangChain4j's word for a completion without choices or content, which a retry won't fix
                throw new UncheckedIOException(new ReplyFailureException(NOT_THE_FORMAT, e));
            }
            throw e;
        }
        TokenUsage usage = response.tokenUsage();
        return new ChatReply(response.aiMessage() == null ? "" : response.aiMessage().text(),
                usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount(),
                usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount());
    }
}
