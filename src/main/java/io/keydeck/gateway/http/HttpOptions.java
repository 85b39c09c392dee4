package io.keydeck.gateway.http;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Transport settings a driver may tune: timeouts, retries and fixed, non-secret headers such as
 * {@code anthropic-version}.
 */
public record HttpOptions(Duration connectTimeout, Duration requestTimeout, RetryPolicy retry,
                          Map<String, String> fixedHeaders, String userAgent) {
    public HttpOptions {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retry, "retry");
        fixedHeaders = fixedHeaders == null ? Map.of() : Map.copyOf(fixedHeaders);
        userAgent = userAgent == null || userAgent.isBlank() ? "KeyDeck" : userAgent;
    }

    /** 5 s to connect, 30 s for an answer, {@link RetryPolicy#defaults()}. */
    public static HttpOptions defaults() {
        return new HttpOptions(Duration.ofSeconds(5), Duration.ofSeconds(30), RetryPolicy.defaults(), Map.of(),
                "KeyDeck");
    }

    public HttpOptions withRetry(RetryPolicy newRetry) {
        return new HttpOptions(connectTimeout, requestTimeout, newRetry, fixedHeaders, userAgent);
    }

    public HttpOptions withRequestTimeout(Duration timeout) {
        return new HttpOptions(connectTimeout, timeout, retry, fixedHeaders, userAgent);
    }

    public HttpOptions withFixedHeaders(Map<String, String> headers) {
        return new HttpOptions(connectTimeout, requestTimeout, retry, headers, userAgent);
    }
}
