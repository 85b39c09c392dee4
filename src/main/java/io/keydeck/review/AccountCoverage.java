package io.keydeck.review;

import io.keydeck.model.ApiKey;

/**
 * Which parts of {@link io.keydeck.model.KeyAccount} a connection's keys report, gathered key by key, so
 * the money rules a gateway gives no data for are named as not checked without holding every key.
 */
final class AccountCoverage {
    private boolean anyAccount;
    private boolean limits;
    private boolean dailySpend;
    private boolean spend;
    private boolean membership;

    void add(ApiKey key) {
        if (key.account().isUnknown()) {
            return;
        }
        anyAccount = true;
        limits |= key.account().limitsReported();
        dailySpend |= !key.account().dailySpend().isEmpty();
        spend |= !key.account().spend().isEmpty();
        membership |= key.account().owners().stream().anyMatch(o -> o.member() != null);
    }

    boolean anyAccount() {
        return anyAccount;
    }

    boolean limits() {
        return limits;
    }

    boolean dailySpend() {
        return dailySpend;
    }

    /** Whether any key reported spend, even without a daily breakdown. */
    boolean spend() {
        return spend;
    }

    boolean membership() {
        return membership;
    }
}
