package io.keydeck.review;

import io.keydeck.model.ApiKey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        return findingsByKey().getOrDefault(key.id(), List.of());
    }

    /**
     * The findings by key id, each key's most severe first: one pass, for a report that lists every key
     * with its findings (asking {@link #findingsFor} per key would take keys x findings steps).
     */
    public Map<String, List<Finding>> findingsByKey() {
        Map<String, List<Finding>> byKey = new HashMap<>();
        for (Finding f : findings) {
            byKey.computeIfAbsent(f.key().id(), id -> new ArrayList<>()).add(f);
        }
        byKey.replaceAll((id, list) -> {
            list.sort(Comparator.comparing(Finding::severity));
            return List.copyOf(list);
        });
        return byKey;
    }
}
