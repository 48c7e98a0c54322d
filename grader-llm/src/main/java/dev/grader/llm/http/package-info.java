/**
 * An HTTP client for LangChain4j's provider modules that keeps what the judge's retry logic needs from failed
 * responses (status code and {@code Retry-After}). Not exported by the module: it may change in any release.
 */
package dev.grader.llm.http;
