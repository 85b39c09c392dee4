package io.keydeck.authlog;

import java.time.Instant;

/**
 * One key hint or client IP with its failure count under the current filter; {@code spike} when its
 * busiest bucket is far above its own usual rate ({@link SpikeRule}).
 *
 * @param keyId the key the gateway matched, when it did (for "open in Keys view"), else null
 */
public record Offender(String label, String keyId, int count, int peakBucketCount, Instant peakAt, boolean spike) {
}
