package io.keydeck.authlog;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** How wide a histogram bar is: the narrowest of a few round widths that keeps the chart readable. */
public final class BucketWidth {
    /** More bars than this do not fit beside each other above the table. */
    public static final int MAX_BUCKETS = 72;

    private static final List<Duration> WIDTHS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(3), Duration.ofHours(6),
            Duration.ofHours(12), Duration.ofDays(1), Duration.ofDays(7));

    private BucketWidth() {
    }

    public static Duration forSpan(Duration span) {
        for (Duration width : WIDTHS) {
            if (span.toMillis() / width.toMillis() < MAX_BUCKETS) {
                return width;
            }
        }
        return WIDTHS.get(WIDTHS.size() - 1);
    }

    /** The start of the bucket {@code at} falls into (aligned to the epoch, so always UTC-aligned). */
    public static Instant floor(Instant at, Duration width) {
        long w = width.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), w) * w);
    }
}
