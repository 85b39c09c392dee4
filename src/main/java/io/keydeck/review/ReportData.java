package io.keydeck.review;

import io.keydeck.model.ApiKey;
import io.keydeck.model.KeyStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a report says, whatever its format: when it was made and the review of each connection. The
 * Review view and {@code keydeck report} build one and hand it to {@link ReportWriter}.
 */
public record ReportData(Instant generatedAt, List<ConnectionReview> reviews) {

    /** One key with its connection, status at {@code generatedAt} and findings: a row of the key table. */
    public record KeyRow(String connection, ApiKey key, KeyStatus status, List<Finding> findings) {
    }

    public ReportData {
        Objects.requireNonNull(generatedAt, "generatedAt");
        reviews = List.copyOf(reviews);
    }

    /** Every key of every connection, in connection order and then as the gateway listed them. */
    public List<KeyRow> rows() {
        List<KeyRow> rows = new ArrayList<>();
        for (ConnectionReview review : reviews) {
            Map<String, List<Finding>> findings = review.findingsByKey();
            for (ApiKey key : review.keys()) {
                rows.add(new KeyRow(review.connectionName(), key, key.status(generatedAt),
                        findings.getOrDefault(key.id(), List.of())));
            }
        }
        return rows;
    }

    /** Every finding of every connection, most severe first. */
    public List<Finding> findings() {
        List<Finding> all = new ArrayList<>();
        reviews.forEach(review -> all.addAll(review.findings()));
        return ReviewRules.sorted(all);
    }

    public List<SkippedRule> skipped() {
        return reviews.stream().flatMap(review -> review.skipped().stream()).toList();
    }

    public SeverityCounts totals() {
        return reviews.stream().map(ConnectionReview::counts).reduce(SeverityCounts.NONE, SeverityCounts::plus);
    }

    public int keyCount() {
        return reviews.stream().mapToInt(review -> review.keys().size()).sum();
    }

    /** The thresholds the first connection was judged by (all share the user's preferences). */
    public Thresholds thresholds() {
        return reviews.isEmpty() ? Thresholds.DEFAULTS : reviews.get(0).input().thresholds();
    }
}
