package io.keydeck.model;

import java.time.Instant;
import java.util.Objects;

/** Which usage to fetch: a half-open range [start, end), bucket width, and optionally one key. */
public record UsageQuery(Instant start, Instant end, UsageBucket bucket, String keyId) {
    public UsageQuery {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(bucket, "bucket");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("usage range must end after it starts");
        }
    }
}
