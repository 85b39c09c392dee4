package io.keydeck.usage;

import io.keydeck.model.UsagePoint;

/**
 * Summed traffic over some keys and buckets: the figures on the summary cards and in each chart point.
 *
 * @param costMicros the summed cost in millionths of its unit (the breakdown says which unit, and whether
 *                   the gateway reported cost at all); 0 when it did not
 */
public record UsageTotals(long requests, long inputTokens, long outputTokens, long errors, long costMicros) {
    public static final UsageTotals ZERO = new UsageTotals(0, 0, 0, 0, 0);

    public UsageTotals(long requests, long inputTokens, long outputTokens, long errors) {
        this(requests, inputTokens, outputTokens, errors, 0);
    }

    public static UsageTotals of(UsagePoint point) {
        return new UsageTotals(point.requests(), point.inputTokens(), point.outputTokens(), point.errors(),
                micros(point.cost()));
    }

    /** {@code cost} in millionths of its unit (rounded half up); 0 for null. */
    public static long micros(io.keydeck.model.Amount cost) {
        return cost == null ? 0 : cost.value().movePointRight(6).setScale(0, java.math.RoundingMode.HALF_UP)
                .longValueExact();
    }

    public UsageTotals plus(UsageTotals other) {
        return new UsageTotals(requests + other.requests, inputTokens + other.inputTokens,
                outputTokens + other.outputTokens, errors + other.errors, costMicros + other.costMicros);
    }

    /** The cost as a number of its unit. */
    public double cost() {
        return costMicros / 1_000_000.0;
    }

    public long tokens() {
        return inputTokens + outputTokens;
    }

    /** Errors per hundred requests; 0 without requests. */
    public double errorRatePercent() {
        return requests == 0 ? 0 : 100.0 * errors / requests;
    }

    public boolean isEmpty() {
        return requests == 0 && inputTokens == 0 && outputTokens == 0 && errors == 0;
    }
}
