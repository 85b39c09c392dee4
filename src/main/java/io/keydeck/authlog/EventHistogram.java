package io.keydeck.authlog;

import io.keydeck.model.AuthEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Events per time bucket and code, oldest bucket first, empty buckets included so gaps show. */
public final class EventHistogram {
    private EventHistogram() {
    }

    /** Buckets from the oldest to the newest event of {@code events} (any order). */
    public static List<HistogramBucket> of(List<AuthEvent> events, SpikeRule rule) {
        Instant oldest = null;
        Instant newest = null;
        for (AuthEvent e : events) {
            Instant at = e.occurredAt();
            if (at == null) {
                continue;
            }
            oldest = oldest == null || at.isBefore(oldest) ? at : oldest;
            newest = newest == null || at.isAfter(newest) ? at : newest;
        }
        if (oldest == null) {
            return List.of();
        }
        return of(events, oldest, newest, BucketWidth.forSpan(Duration.between(oldest, newest)), rule);
    }

    public static List<HistogramBucket> of(List<AuthEvent> events, Instant from, Instant to, Duration width,
                                           SpikeRule rule) {
        Instant first = BucketWidth.floor(from, width);
        int buckets = (int) (Duration.between(first, to).toMillis() / width.toMillis()) + 1;
        List<Map<String, Integer>> counts = new ArrayList<>(buckets);
        for (int i = 0; i < buckets; i++) {
            counts.add(new HashMap<>());
        }
        int[] totals = new int[buckets];
        long firstMs = first.toEpochMilli();
        long widthMs = width.toMillis();
        for (AuthEvent e : events) {
            if (e.occurredAt() == null) {
                continue;
            }
            long index = (e.occurredAt().toEpochMilli() - firstMs) / widthMs;
            if (index < 0 || index >= buckets) {
                continue;
            }
            counts.get((int) index).merge(e.code() == null ? "" : e.code(), 1, Integer::sum);
            totals[(int) index]++;
        }
        boolean[] spikes = rule.spikes(totals);
        List<HistogramBucket> out = new ArrayList<>(buckets);
        for (int i = 0; i < buckets; i++) {
            out.add(new HistogramBucket(first.plus(width.multipliedBy(i)), width, counts.get(i), totals[i], spikes[i]));
        }
        return out;
    }

    /** Every code that occurs in {@code buckets}, sorted, so each gets a stable series and colour. */
    public static List<String> codes(List<HistogramBucket> buckets) {
        TreeSet<String> codes = new TreeSet<>();
        buckets.forEach(b -> codes.addAll(b.countsByCode().keySet()));
        return List.copyOf(codes);
    }
}
