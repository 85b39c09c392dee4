package io.keydeck.gateway.http;

import io.keydeck.model.RateLimitStatus;
import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitHeadersTest {
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    private static HttpHeaders headers(Map<String, String> values) {
        return HttpHeaders.of(values.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, e -> List.of(e.getValue()))), (a, b) -> true);
    }

    @Test
    void openAiStyleRequestHeadersAreReadWhenTheStandardOnesAreAbsent() {
        RateLimitStatus status = RateLimitHeaders.read(headers(Map.of("x-ratelimit-limit-requests", "500",
                "x-ratelimit-remaining-requests", "12", "x-ratelimit-reset-requests", "6m0s")), NOW).orElseThrow();

        assertThat(status).isEqualTo(new RateLimitStatus(500, 12, NOW.plus(Duration.ofMinutes(6))));
    }

    @Test
    void standardHeadersWinOverOpenAiStyleOnes() {
        RateLimitStatus status = RateLimitHeaders.read(headers(Map.of("X-RateLimit-Limit", "60",
                "x-ratelimit-limit-requests", "500")), NOW).orElseThrow();

        assertThat(status.limit()).isEqualTo(60);
    }

    @Test
    void goStyleDurationsAreRead() {
        assertThat(RateLimitHeaders.goDuration("20ms")).isEqualTo(Duration.ofMillis(20));
        assertThat(RateLimitHeaders.goDuration("1h2m3.5s")).isEqualTo(Duration.ofMillis(3_723_500));
        assertThat(RateLimitHeaders.goDuration("soon")).isNull();
        assertThat(RateLimitHeaders.goDuration("2025-01-01T00:00:00Z")).isNull();
    }
}
