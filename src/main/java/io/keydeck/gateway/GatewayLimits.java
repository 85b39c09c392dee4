package io.keydeck.gateway;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How long and how much one gateway operation may cost, so a stalled, flooding or endlessly paging
 * gateway cannot hold KeyDeck forever or fill its memory.
 *
 * @param deadline       one operation, retries and waits and the whole answer body included
 * @param maxAnswerBytes the largest answer body read; a larger one is refused as a protocol error
 * @param maxListedItems a listing stops with an error past this many items
 * @param stalePages     this many pages in a row with nothing new (empty, or only ids already seen) stop paging
 */
public record GatewayLimits(Duration deadline, long maxAnswerBytes, int maxListedItems, int stalePages) {
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(60);
    public static final long DEFAULT_MAX_ANSWER_BYTES = 64L * 1024 * 1024;
    public static final int DEFAULT_MAX_LISTED_ITEMS = 2_000_000;
    public static final int DEFAULT_STALE_PAGES = 3;
    /** The connection option (a whole number of seconds) that sets a connection's own deadline. */
    public static final String DEADLINE_OPTION = "deadline_seconds";

    public GatewayLimits {
        Objects.requireNonNull(deadline, "deadline");
        if (deadline.isNegative() || deadline.isZero() || maxAnswerBytes < 1 || maxListedItems < 1 || stalePages < 1) {
            throw new IllegalArgumentException("gateway limits must be positive");
        }
    }

    /** 60 s per operation, 64 MB per answer, 2,000,000 listed items, 3 stale pages. */
    public static GatewayLimits defaults() {
        return new GatewayLimits(DEFAULT_DEADLINE, DEFAULT_MAX_ANSWER_BYTES, DEFAULT_MAX_LISTED_ITEMS,
                DEFAULT_STALE_PAGES);
    }

    /**
     * The defaults, each replaced by a system property when set: {@code keydeck.deadlineMillis},
     * {@code keydeck.maxAnswerBytes}, {@code keydeck.maxListedItems} (tests use small values).
     */
    public static GatewayLimits fromSystemProperties() {
        GatewayLimits d = defaults();
        return new GatewayLimits(Duration.ofMillis(property("keydeck.deadlineMillis", d.deadline.toMillis())),
                property("keydeck.maxAnswerBytes", d.maxAnswerBytes),
                (int) property("keydeck.maxListedItems", d.maxListedItems), d.stalePages);
    }

    /** As {@link #fromSystemProperties()}, with the deadline a connection's options set, if any. */
    public static GatewayLimits forOptions(Map<String, String> options) {
        GatewayLimits limits = fromSystemProperties();
        String seconds = options == null ? null : options.get(DEADLINE_OPTION);
        if (seconds != null) {
            try {
                long s = Long.parseLong(seconds.strip());
                if (s > 0) {
                    limits = limits.withDeadline(Duration.ofSeconds(s));
                }
            } catch (NumberFormatException ignored) {
                // settings validate it when saved; an unreadable value keeps the default
            }
        }
        return limits;
    }

    public GatewayLimits withDeadline(Duration newDeadline) {
        return new GatewayLimits(newDeadline, maxAnswerBytes, maxListedItems, stalePages);
    }

    public GatewayLimits withMaxAnswerBytes(long bytes) {
        return new GatewayLimits(deadline, bytes, maxListedItems, stalePages);
    }

    public GatewayLimits withMaxListedItems(int items) {
        return new GatewayLimits(deadline, maxAnswerBytes, items, stalePages);
    }

    private static long property(String name, long fallback) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.strip());
            return parsed > 0 ? parsed : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
