package io.keydeck.sandbox;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A fixed one-minute window per caller, reported in the {@code X-RateLimit-*} headers of every answer. */
final class RateLimiter {
    private static final long WINDOW_MS = 60_000L;

    private final int limit;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private volatile long sweptWindow;

    /** The limiter's verdict on one request. */
    record Decision(boolean allowed, int limit, int remaining, long resetEpochSecond, long retryAfterSeconds) {
    }

    private static final class Window {
        final long start;
        int used;

        Window(long start) {
            this.start = start;
        }
    }

    RateLimiter(int limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    /** Counts one request from {@code caller} (a hash of its token, or its address when it sent none). */
    Decision take(String caller) {
        long now = clock.millis();
        long windowStart = now - Math.floorMod(now, WINDOW_MS);
        if (windowStart != sweptWindow) {
            sweptWindow = windowStart;
            windows.values().removeIf(w -> w.start < windowStart);
        }
        Window window = windows.compute(caller, (k, w) -> w == null || w.start != windowStart ? new Window(windowStart) : w);
        int used;
        synchronized (window) {
            used = ++window.used;
        }
        long reset = windowStart + WINDOW_MS;
        long retryAfter = Math.max(1, (reset - now + 999) / 1000);
        return new Decision(used <= limit, limit, Math.max(0, limit - used), reset / 1000, retryAfter);
    }
}
