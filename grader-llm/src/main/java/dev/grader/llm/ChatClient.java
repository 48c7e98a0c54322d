package dev.grader.llm;

import dev.grader.Api;

/**
 * The one thing the judge needs from a model provider: send a system prompt and a user message, ask for JSON
 * of a given schema, get text and token counts back. One implementation per provider over LangChain4j;
 * tests and benchmarks implement it directly. Implementations throw on transport or HTTP errors (LangChain4j's
 * exceptions), and {@link LlmJudge} handles retries, limits and fallbacks around them.
 *
 * <p>A service-provider interface.
 */
@Api(status = Api.Status.EXPERIMENTAL)
@FunctionalInterface
public interface ChatClient {

    /** Sends one request; never retries. */
    ChatReply chat(ChatPrompt prompt);
}
