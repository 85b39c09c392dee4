package io.keydeck.usage;

import io.keydeck.model.UsagePoint;

/** Summed traffic over some keys and buckets: the figures on the summary cards and in each chart point. */
public record UsageTotals(long requests, long inputTokens, long outputTokens, long errors) {
    public static final UsageTotals ZERO = new UsageTotals(0, 0, 0, 0);

    public static UsageTotals of(UsagePoint point) {
        return new UsageTotals(point.requests(), point.inputTokens(), point.outputTokens(), point.errors());
    }

    public UsageTotals plus(UsageTotals other) {
        return new UsageTotals(requests + other.requests, inputTokens + other.inputTokens,
                outputTokens + other.outputTokens, errors + other.errors);
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
