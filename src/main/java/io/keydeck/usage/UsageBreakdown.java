package io.keydeck.usage;

import io.keydeck.model.UsagePoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The gateway's raw points laid onto the range's bucket grid, per key: what the summary cards add up and
 * what the chart draws as the top keys plus one "all other keys" series. Built off the FX thread.
 */
public final class UsageBreakdown {
    private static final int FIELDS = 5;

    private final UsageRange range;
    private final int buckets;
    private final List<String> keyIds = new ArrayList<>();
    private final List<long[]> counts = new ArrayList<>();
    private UsageTotals totals = UsageTotals.ZERO;
    private String costUnit;

    private UsageBreakdown(UsageRange range) {
        this.range = range;
        this.buckets = range.bucketCount();
    }

    /** Sums {@code points} per key and bucket; points outside the range are left out. */
    public static UsageBreakdown of(UsageRange range, List<UsagePoint> points) {
        UsageBreakdown breakdown = new UsageBreakdown(range);
        Map<String, long[]> byKey = new HashMap<>();
        String lastKey = null;
        long[] lastCounts = null;
        long requests = 0;
        long input = 0;
        long output = 0;
        long errors = 0;
        long cost = 0;
        long startMillis = range.start().toEpochMilli();
        long width = range.bucket().width().toMillis();
        for (UsagePoint point : points) {
            long offset = point.bucketStart().toEpochMilli() - startMillis;
            if (offset < 0 || offset / width >= breakdown.buckets) {
                continue;
            }
            String keyId = point.keyId() == null ? "" : point.keyId();
            if (!keyId.equals(lastKey)) {
                lastKey = keyId;
                lastCounts = byKey.computeIfAbsent(keyId, breakdown::newKey);
            }
            int at = (int) (offset / width) * FIELDS;
            lastCounts[at] += point.requests();
            lastCounts[at + 1] += point.inputTokens();
            lastCounts[at + 2] += point.outputTokens();
            lastCounts[at + 3] += point.errors();
            requests += point.requests();
            input += point.inputTokens();
            output += point.outputTokens();
            errors += point.errors();
            if (point.cost() != null && breakdown.costUnit == null) {
                breakdown.costUnit = point.cost().unit();
            }
            if (point.cost() != null && point.cost().unit().equals(breakdown.costUnit)) {
                long micros = UsageTotals.micros(point.cost());
                lastCounts[at + 4] += micros;
                cost += micros;
            }
        }
        breakdown.totals = new UsageTotals(requests, input, output, errors, cost);
        return breakdown;
    }

    private long[] newKey(String keyId) {
        keyIds.add(keyId);
        long[] perBucket = new long[buckets * FIELDS];
        counts.add(perBucket);
        return perBucket;
    }

    public UsageRange range() {
        return range;
    }

    /** Everything in the range, all keys together. */
    public UsageTotals totals() {
        return totals;
    }

    /**
     * The unit the gateway reported cost in ("USD", "credits"); null when no point in the range carried a cost,
     * so the cost is unknown rather than zero. Costs in another unit than the first are left out.
     */
    public String costUnit() {
        return costUnit;
    }

    /** Keys with at least one request or error in the range. */
    public int activeKeys() {
        int active = 0;
        for (long[] perBucket : counts) {
            for (int b = 0; b < buckets; b++) {
                if (perBucket[b * FIELDS] > 0 || perBucket[b * FIELDS + 3] > 0) {
                    active++;
                    break;
                }
            }
        }
        return active;
    }

    /** Every key that has a point in the range, in the order the gateway sent them. */
    public List<String> keyIds() {
        return List.copyOf(keyIds);
    }

    /** The key's counts summed over the range; zero for a key without points. */
    public UsageTotals totalsOf(String keyId) {
        int index = keyIds.indexOf(keyId);
        return index < 0 ? UsageTotals.ZERO : sum(counts.get(index));
    }

    /** The key's {@code metric} in each bucket of the range. */
    public double[] valuesOf(String keyId, UsageMetric metric) {
        int index = keyIds.indexOf(keyId);
        return index < 0 ? new double[buckets] : values(counts.get(index), metric);
    }

    /**
     * The {@code top} keys with most of {@code metric} (most errors for the error rate) as their own series,
     * and, when any key is left, one series for all the others together. Names come from {@code names}.
     */
    public List<ChartSeries> topSeries(UsageMetric metric, int top, Function<String, String> names, String othersName) {
        UsageMetric rankBy = metric == UsageMetric.ERROR_RATE ? UsageMetric.ERRORS : metric;
        Integer[] order = new Integer[keyIds.size()];
        double[] rank = new double[keyIds.size()];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
            rank[k] = rankBy.of(sum(counts.get(k)));
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(k -> -rank[k]).thenComparing(keyIds::get));
        double[] x = bucketStarts();
        List<ChartSeries> series = new ArrayList<>();
        int shown = Math.min(Math.max(top, 0), order.length);
        for (int i = 0; i < shown; i++) {
            String keyId = keyIds.get(order[i]);
            series.add(new ChartSeries(keyId, names.apply(keyId), x, values(counts.get(order[i]), metric)));
        }
        if (shown < order.length) {
            long[] others = new long[buckets * FIELDS];
            for (int i = shown; i < order.length; i++) {
                long[] perBucket = counts.get(order[i]);
                for (int j = 0; j < others.length; j++) {
                    others[j] += perBucket[j];
                }
            }
            series.add(new ChartSeries(null, othersName, x, values(others, metric)));
        }
        return series;
    }

    /** Bucket starts in epoch milliseconds, the x values of every series. */
    public double[] bucketStarts() {
        double[] x = new double[buckets];
        long start = range.start().toEpochMilli();
        long width = range.bucket().width().toMillis();
        for (int b = 0; b < buckets; b++) {
            x[b] = start + b * width;
        }
        return x;
    }

    private double[] values(long[] perBucket, UsageMetric metric) {
        double[] y = new double[buckets];
        for (int b = 0; b < buckets; b++) {
            int at = b * FIELDS;
            y[b] = metric.of(new UsageTotals(perBucket[at], perBucket[at + 1], perBucket[at + 2], perBucket[at + 3],
                    perBucket[at + 4]));
        }
        return y;
    }

    private UsageTotals sum(long[] perBucket) {
        long[] sum = new long[FIELDS];
        for (int j = 0; j < perBucket.length; j++) {
            sum[j % FIELDS] += perBucket[j];
        }
        return new UsageTotals(sum[0], sum[1], sum[2], sum[3], sum[4]);
    }
}
