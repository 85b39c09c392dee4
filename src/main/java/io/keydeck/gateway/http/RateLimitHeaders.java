package io.keydeck.gateway.http;

import io.keydeck.model.RateLimitStatus;

import java.net.http.HttpHeaders;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads {@code X-RateLimit-Limit/Remaining/Reset}. Gateways disagree on the reset format, so it
 * accepts epoch seconds or milliseconds, seconds from now, or an ISO-8601 time.
 */
final class RateLimitHeaders {
    private RateLimitHeaders() {
    }

    static Optional<RateLimitStatus> read(HttpHeaders headers, Instant now) {
        Optional<String> limit = headers.firstValue("X-RateLimit-Limit");
        Optional<String> remaining = headers.firstValue("X-RateLimit-Remaining");
        Optional<String> reset = headers.firstValue("X-RateLimit-Reset");
        if (limit.isEmpty() && remaining.isEmpty() && reset.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RateLimitStatus(number(limit), number(remaining),
                reset.map(r -> resetTime(r, now)).orElse(null)));
    }

    private static long number(Optional<String> value) {
        try {
            return value.map(String::trim).map(Long::parseLong).orElse(-1L);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Instant resetTime(String value, Instant now) {
        String v = value.trim();
        try {
            if (v.matches("\\d+(\\.\\d+)?")) {
                double n = Double.parseDouble(v);
                if (n > 1e12) {
                    return Instant.ofEpochMilli((long) n);
                }
                if (n > 1e9) {
                    return Instant.ofEpochSecond((long) n);
                }
                return now.plusMillis((long) (n * 1000));
            }
            return OffsetDateTime.parse(v).toInstant();
        } catch (NumberFormatException | DateTimeParseException e) {
            return null;
        }
    }
}
