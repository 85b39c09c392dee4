package io.keydeck.usage;

/**
 * What a usage chart plots; the error rate is a ratio, so it is computed from summed counts, never summed.
 * {@link #COST} is the spend, where the gateway reports cost per bucket.
 */
public enum UsageMetric {
    REQUESTS, INPUT_TOKENS, OUTPUT_TOKENS, COST, ERRORS, ERROR_RATE;

    /** This metric for the given counts; the error rate in percent (0 when there were no requests). */
    public double of(UsageTotals totals) {
        return switch (this) {
            case REQUESTS -> totals.requests();
            case INPUT_TOKENS -> totals.inputTokens();
            case OUTPUT_TOKENS -> totals.outputTokens();
            case COST -> totals.cost();
            case ERRORS -> totals.errors();
            case ERROR_RATE -> totals.errorRatePercent();
        };
    }

    /** Whether values of several keys may be added up (a stacked chart and an "others" sum need that). */
    public boolean isAdditive() {
        return this != ERROR_RATE;
    }
}
