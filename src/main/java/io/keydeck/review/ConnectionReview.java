package io.keydeck.review;

import io.keydeck.model.ApiKey;

import java.util.Comparator;
import java.util.List;

/**
 * The outcome of reviewing one connection: what was looked at, what was found, and which rules
 * could not run. The unit a report is made of.
 */
public record ConnectionReview(ReviewInput input, List<Finding> findings, List<SkippedRule> skipped) {
    public ConnectionReview {
        findings = List.copyOf(findings);
        skipped = List.copyOf(skipped);
    }

    public String connectionName() {
        return input.connectionName();
    }

    public List<ApiKey> keys() {
        return input.keys();
    }

    public SeverityCounts counts() {
        return SeverityCounts.of(findings);
    }

    /** The findings about {@code key}, most severe first. */
    public List<Finding> findingsFor(ApiKey key) {
        return findings.stream().filter(f -> f.key().id().equals(key.id()))
                .sorted(Comparator.comparing(Finding::severity)).toList();
    }
}
