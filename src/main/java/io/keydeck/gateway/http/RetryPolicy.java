package io.keydeck.gateway.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How often and how long the transport waits before asking a busy gateway again: bounded
 * exponential back-off with jitter, or the gateway's own {@code Retry-After} when it sends one.
 * The sleeper, jitter and clock are injectable so tests can record delays instead of waiting.
 *
 * @param maxRetries    retries after the first attempt
 * @param maxRetryAfter a {@code Retry-After} longer than this is not waited for: the error is reported
 */
public record RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter,
                          Sleeper sleeper, DoubleSupplier jitter, Clock clock) {

    /** Waits; an interrupt (a cancelled task) must end the wait with {@link InterruptedException}. */
    @FunctionalInterface
    public interface Sleeper {
        Sleeper THREAD = d -> Thread.sleep(d.toMillis());

        void sleep(Duration duration) throws InterruptedException;
    }

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0");
        }
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(jitter, "jitter");
        Objects.requireNonNull(clock, "clock");
    }

    /** 3 retries, 200 ms doubling up to 5 s, and at most 60 s of {@code Retry-After}. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(60),
                Sleeper.THREAD, () -> ThreadLocalRandom.current().nextDouble(), Clock.systemUTC());
    }

    public static RetryPolicy none() {
        return defaults().withMaxRetries(0);
    }

    public RetryPolicy withMaxRetries(int retries) {
        return new RetryPolicy(retries, baseDelay, maxDelay, maxRetryAfter, sleeper, jitter, clock);
    }

    public RetryPolicy withSleeper(Sleeper newSleeper) {
        return new RetryPolicy(maxRetries, baseDelay, maxDelay, maxRetryAfter, newSleeper, jitter, clock);
    }

    public RetryPolicy withClock(Clock newClock) {
        return new RetryPolicy(maxRetries, baseDelay, maxDelay, maxRetryAfter, sleeper, jitter, newClock);
    }

    /** Back-off before retry number {@code attempt + 1}: between half and all of base·2^attempt, capped. */
    public Duration backoff(int attempt) {
        long base = baseDelay.toMillis();
        long exponential = attempt >= 30 ? Long.MAX_VALUE : base << attempt;
        long capped = Math.min(exponential < 0 ? Long.MAX_VALUE : exponential, maxDelay.toMillis());
        double factor = 0.5 + 0.5 * Math.min(1.0, Math.max(0.0, jitter.getAsDouble()));
        return Duration.ofMillis(Math.round(capped * factor));
    }

    /** The wait before the next attempt: never shorter than what the gateway asked for. */
    public Duration delay(int attempt, Optional<Duration> retryAfter) {
        Duration backoff = backoff(attempt);
        return retryAfter.filter(ra -> ra.compareTo(backoff) > 0).orElse(backoff);
    }

    /** Parses {@code Retry-After}: delta seconds or an HTTP-date; empty when absent or unreadable. */
    public Optional<Duration> parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        if (v.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(clock.instant(), at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
