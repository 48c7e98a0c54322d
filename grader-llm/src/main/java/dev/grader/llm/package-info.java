/**
 * The LLM judge ({@link dev.grader.llm.LlmJudge}): one structured request per answer to OpenAI, any
 * OpenAI-compatible server, Ollama or Anthropic through LangChain4j; quotes verified against the answer; a
 * persistent reply cache; retries, budgets, costs; and LLM-proposed rubric additions
 * ({@link dev.grader.llm.RubricSuggester}).
 */
package dev.grader.llm;
