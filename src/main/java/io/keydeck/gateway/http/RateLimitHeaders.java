package io.keydeck.gateway.http;

import io.keydeck.model.RateLimitStatus;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code X-RateLimit-Limit/Remaining/Reset}, or OpenAI's {@code x-ratelimit-*-requests} when
 * those are absent. Gateways disagree on the reset format, so it accepts epoch seconds or
 * milliseconds, seconds from now, a duration such as {@code 6m0s}, or an ISO-8601 time.
 */
final class RateLimitHeaders {
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");
    private static final Pattern GO_DURATION = Pattern.compile("((\\d+(?:\\.\\d+)?)(ms|h|m|s))+");
    private RateLimitHeaders() {
    }

    static Optional<RateLimitStatus> read(HttpHeaders headers, Instant now) {
        Optional<String> limit = first(headers, "X-RateLimit-Limit", "x-ratelimit-limit-requests");
        Optional<String> remaining = first(headers, "X-RateLimit-Remaining", "x-ratelimit-remaining-requests");
        Optional<String> reset = first(headers, "X-RateLimit-Reset", "x-ratelimit-reset-requests");
        if (limit.isEmpty() && remaining.isEmpty() && reset.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RateLimitStatus(number(limit), number(remaining),
                reset.map(r -> resetTime(r, now)).orElse(null)));
    }

    /** The standard header, else OpenAI's per-request variant (which OpenAI-compatible routers copy). */
    private static Optional<String> first(HttpHeaders headers, String standard, String openAiStyle) {
        return headers.firstValue(standard).or(() -> headers.firstValue(openAiStyle));
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
            Duration fromNow = goDuration(v);
            return fromNow != null ? now.plus(fromNow) : OffsetDateTime.parse(v).toInstant();
        } catch (NumberFormatException | DateTimeParseException e) {
            return null;
        }
    }

    /** OpenAI's reset format ({@code 1s}, {@code 6m0s}, {@code 20ms}, {@code 1h2m3.5s}); null if it is not one. */
    static Duration goDuration(String text) {
        if (!GO_DURATION.matcher(text).matches()) {
            return null;
        }
        Matcher m = DURATION_PART.matcher(text);
        double millis = 0;
        while (m.find()) {
            double n = Double.parseDouble(m.group(1));
            millis += switch (m.group(2)) {
                case "h" -> n * 3_600_000;
                case "m" -> n * 60_000;
                case "s" -> n * 1000;
                default -> n;
            };
        }
        return Duration.ofMillis(Math.round(millis));
    }
}
