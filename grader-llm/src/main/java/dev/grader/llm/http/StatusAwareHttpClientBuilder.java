package dev.grader.llm.http;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import java.time.Duration;

/**
 * Builds {@link StatusAwareHttpClient}s; pass it to a LangChain4j model's {@code httpClientBuilder(...)}.
 */
public final class StatusAwareHttpClientBuilder implements HttpClientBuilder {

    private Duration connectTimeout;
    private Duration readTimeout;

    @Override
    public Duration connectTimeout() {
        return connectTimeout;
    }

    @Override
    public StatusAwareHttpClientBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = timeout;
        return this;
    }

    @Override
    public Duration readTimeout() {
        return readTimeout;
    }

    @Override
    public StatusAwareHttpClientBuilder readTimeout(Duration timeout) {
        this.readTimeout = timeout;
        return this;
    }

    @Override
    public HttpClient build() {
        HttpClient streaming = JdkHttpClient.builder().connectTimeout(connectTimeout).readTimeout(readTimeout).build();
        return new StatusAwareHttpClient(connectTimeout, readTimeout, streaming);
    }
}
