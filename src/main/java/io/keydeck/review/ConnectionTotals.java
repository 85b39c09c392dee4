package io.keydeck.review;

import java.util.List;

/**
 * What a report says about one connection once its keys have gone by: how many, how many findings of
 * each severity, and which rules could not run. Small whatever the number of keys, so a report streamed
 * key by key can end with its summary.
 */
public record ConnectionTotals(String connectionName, boolean productionTagged, int keyCount, SeverityCounts counts,
                               List<SkippedRule> skipped) {
    public ConnectionTotals {
        connectionName = connectionName == null ? "" : connectionName;
        skipped = List.copyOf(skipped);
    }

    public static ConnectionTotals of(ConnectionReview review) {
        return new ConnectionTotals(review.connectionName(), review.input().productionTagged(), review.keys().size(),
                review.counts(), review.skipped());
    }
}
