package io.keydeck.sandbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A key's own limits per fixed one-minute window: requests per minute and tokens per minute
 * ({@link KeyTerms}). A refused request is not counted, so a client that waits for the reset gets through.
 */
final class KeyRateLimiter {
    private static final long WINDOW_MS = 60_000L;

    private final Map<Integer, Window> windows = new ConcurrentHashMap<>();

    private static final class Window {
        final long start;
        long requests;
        long tokens;

        Window(long start) {
            this.start = start;
        }
    }

    /**
     * Takes one request for {@code key} at {@code now}, or refuses it. The decision's limit and remaining
     * are of requests per minute when the key has that limit, else of tokens per minute.
     */
    RateLimiter.Decision take(StoredKey key, long now) {
        KeyTerms terms = key.terms();
        long windowStart = now - Math.floorMod(now, WINDOW_MS);
        long reset = windowStart + WINDOW_MS;
        long retryAfter = Math.max(1, (reset - now + 999) / 1000);
        Window window = windows.compute(key.seq, (k, w) -> w == null || w.start != windowStart ? new Window(windowStart) : w);
        synchronized (window) {
            Long rpm = terms.requestsPerMinute();
            Long tpm = terms.tokensPerMinute();
            boolean allowed = (rpm == null || window.requests < rpm) && (tpm == null || window.tokens < tpm);
            if (allowed) {
                window.requests++;
            }
            long limit = rpm != null ? rpm : tpm;
            long used = rpm != null ? window.requests : window.tokens;
            return new RateLimiter.Decision(allowed, (int) Math.min(Integer.MAX_VALUE, limit),
                    (int) Math.max(0, Math.min(Integer.MAX_VALUE, limit - used)), reset / 1000, retryAfter);
        }
    }

    /** Counts the tokens an answered request used against its key's window. */
    void addTokens(StoredKey key, long now, long tokens) {
        Window window = windows.get(key.seq);
        if (window != null && window.start == now - Math.floorMod(now, WINDOW_MS)) {
            synchronized (window) {
                window.tokens += tokens;
            }
        }
    }
}
