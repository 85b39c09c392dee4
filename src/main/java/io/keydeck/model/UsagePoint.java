package io.keydeck.model;

import java.time.Instant;

/**
 * Traffic of one key in one bucket, as the gateway counted it.
 *
 * @param cost what the bucket's traffic cost, or null when the gateway does not report cost per bucket
 *             (which the Usage view shows as "not reported", never as zero)
 */
public record UsagePoint(String keyId, Instant bucketStart, long requests, long inputTokens, long outputTokens,
                         long errors, Amount cost) {
    public UsagePoint(String keyId, Instant bucketStart, long requests, long inputTokens, long outputTokens,
                      long errors) {
        this(keyId, bucketStart, requests, inputTokens, outputTokens, errors, null);
    }
}
