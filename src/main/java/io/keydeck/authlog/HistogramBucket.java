package io.keydeck.authlog;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One bar of the auth-log histogram: events per code in {@code [start, start + width)}, and whether the
 * bar is a spike by the {@link SpikeRule}.
 */
public record HistogramBucket(Instant start, Duration width, Map<String, Integer> countsByCode, int total,
                              boolean spike) {
    public HistogramBucket {
        countsByCode = Map.copyOf(countsByCode);
    }

    public Instant end() {
        return start.plus(width);
    }

    public int count(String code) {
        return countsByCode.getOrDefault(code, 0);
    }
}
