package io.keydeck.model;

import java.time.Instant;

/** The gateway's {@code X-RateLimit-*} headers from the latest answer; -1 where a header was absent. */
public record RateLimitStatus(long limit, long remaining, Instant reset) {
}
