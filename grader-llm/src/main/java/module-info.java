/**
 * The LLM judge for grader: per-key-point verdicts from a chat model (OpenAI and compatible servers, Ollama,
 * Anthropic) through LangChain4j, with verified quotes, a reply cache, retries, budgets and cost; and rubric
 * suggestions. {@code dev.grader.llm.http}, the HTTP client the providers share, is internal.
 */
// "requires-automatic", "requires-transitive-automatic": the dependencies without module descriptors, named below.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.grader.llm {
    requires transitive dev.grader.core;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires java.net.http;
    // LangChain4j has no module descriptors: the names are those of its jars (automatic modules).
    // ChatPrompt carries LangChain4j's JsonSchema.
    requires transitive langchain4j.core;
    requires langchain4j.http.client;
    requires langchain4j.http.client.jdk;
    requires langchain4j.open.ai;
    requires langchain4j.ollama;
    requires langchain4j.anthropic;

    exports dev.grader.llm;

    opens dev.grader.llm to com.fasterxml.jackson.databind;
}
