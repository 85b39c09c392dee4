package io.keydeck.model;

import java.time.Instant;

/** Traffic of one key in one bucket, as the gateway counted it. */
public record UsagePoint(String keyId, Instant bucketStart, long requests, long inputTokens, long outputTokens,
                         long errors) {
}
