package io.keydeck.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Which usage to fetch: a half-open range [start, end), bucket width, and optionally one key.
 *
 * @param cost     ask the gateway for each bucket's cost too, where asking is needed (the MultiRoute protocol
 *                 sends it only on request, so the answers that need no cost stay as small as before)
 */
public record UsageQuery(Instant start, Instant end, UsageBucket bucket, String keyId, boolean cost) {
    public UsageQuery {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(bucket, "bucket");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("usage range must end after it starts");
        }
    }

    public UsageQuery(Instant start, Instant end, UsageBucket bucket, String keyId) {
        this(start, end, bucket, keyId, false);
    }

    /** This query, asking for each bucket's cost as well. */
    public UsageQuery withCost() {
        return new UsageQuery(start, end, bucket, keyId, true);
    }
}
