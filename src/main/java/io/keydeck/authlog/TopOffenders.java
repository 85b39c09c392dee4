package io.keydeck.authlog;

import io.keydeck.model.AuthEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Who fails most: events grouped by key hint or by client IP, busiest first. Each group's events are
 * bucketed over the whole span of {@code events} (empty buckets count as 0), so a key that is quiet
 * for days and then fails 50 times in an hour is flagged even when its total is modest.
 */
public final class TopOffenders {
    private TopOffenders() {
    }

    public static List<Offender> byKey(List<AuthEvent> events, SpikeRule rule, int limit) {
        return group(events, e -> e.keyHint().isEmpty() ? null : e.keyHint(), rule, limit);
    }

    public static List<Offender> byIp(List<AuthEvent> events, SpikeRule rule, int limit) {
        return group(events, e -> e.clientIp() == null || e.clientIp().isEmpty() ? null : e.clientIp(), rule, limit);
    }

    private static List<Offender> group(List<AuthEvent> events, Function<AuthEvent, String> label, SpikeRule rule,
                                        int limit) {
        long oldest = Long.MAX_VALUE;
        long newest = Long.MIN_VALUE;
        for (AuthEvent e : events) {
            if (e.occurredAt() != null) {
                oldest = Math.min(oldest, e.occurredAt().toEpochMilli());
                newest = Math.max(newest, e.occurredAt().toEpochMilli());
            }
        }
        if (oldest == Long.MAX_VALUE) {
            return List.of();
        }
        long width = BucketWidth.forSpan(Duration.ofMillis(newest - oldest)).toMillis();
        long first = Math.floorDiv(oldest, width) * width;
        int buckets = (int) ((newest - first) / width) + 1;
        Map<String, Group> groups = new HashMap<>();
        for (AuthEvent e : events) {
            String name = label.apply(e);
            if (name == null || e.occurredAt() == null) {
                continue;
            }
            Group g = groups.computeIfAbsent(name, n -> new Group(buckets));
            g.count++;
            g.perBucket[(int) ((e.occurredAt().toEpochMilli() - first) / width)]++;
            if (g.keyId == null) {
                g.keyId = e.keyId();
            }
        }
        List<Offender> out = new ArrayList<>(groups.size());
        for (Map.Entry<String, Group> entry : groups.entrySet()) {
            Group g = entry.getValue();
            int peak = 0;
            for (int i = 1; i < buckets; i++) {
                peak = g.perBucket[i] > g.perBucket[peak] ? i : peak;
            }
            boolean spike = g.perBucket[peak] >= rule.threshold(g.perBucket);
            out.add(new Offender(entry.getKey(), g.keyId, g.count, g.perBucket[peak],
                    Instant.ofEpochMilli(first + peak * width), spike));
        }
        out.sort(Comparator.comparingInt(Offender::count).reversed().thenComparing(Offender::label));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    private static final class Group {
        final int[] perBucket;
        int count;
        String keyId;

        Group(int buckets) {
            perBucket = new int[buckets];
        }
    }
}
