package io.keydeck.model;

import java.time.Duration;
import java.util.Locale;

/** The width of one usage data point. */
public enum UsageBucket {
    HOUR(Duration.ofHours(1)), DAY(Duration.ofDays(1));

    private final Duration width;

    UsageBucket(Duration width) {
        this.width = width;
    }

    public Duration width() {
        return width;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
