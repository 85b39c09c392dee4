package io.keydeck.ui.usage;

import io.keydeck.model.UsagePoint;
import io.keydeck.usage.UsageBreakdown;

import java.util.List;
import java.util.Map;

/**
 * One load of the Usage view: the range and the one before it, aggregated, plus the raw points (for the
 * CSV) and the key names of the connection. {@code unsupportedReason} is set instead when the gateway
 * does not report usage; {@code costNote} says why the range's buckets carry no cost, when the gateway said
 * ({@link io.keydeck.model.UsageSeries#costNote()}).
 */
record UsageData(UsageBreakdown current, UsageBreakdown previous, List<UsagePoint> points,
                 Map<String, String> names, String unsupportedReason, String costNote) {

    static UsageData unsupported(String reason) {
        return new UsageData(null, null, List.of(), Map.of(), reason, null);
    }

    String nameOf(String keyId) {
        return names.getOrDefault(keyId, keyId);
    }
}
