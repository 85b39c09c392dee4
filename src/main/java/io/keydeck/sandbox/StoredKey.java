package io.keydeck.sandbox;

import java.time.Instant;
import java.util.List;

/**
 * One inference key as the sandbox holds it: no secret, only its hash (kept by {@link KeyStore}),
 * prefix and last four. Times are epoch milliseconds, 0 meaning "none", to stay small when the
 * sandbox seeds 100,000 keys. The seeded usage profile lives here so history can be computed on demand.
 */
final class StoredKey {
    static final String LIVE_PREFIX = "mrk_live_";
    static final String TEST_PREFIX = "mrk_test_";

    final int seq;
    final String id;
    final String prefix;
    final String lastFour;
    final List<String> scopes;
    final long createdAt;
    final long expiresAt;
    /** Seeded usage: {@link UsageShape} ordinal, mean requests per hour, and the hours it spans (inclusive). */
    final byte usageShape;
    final int usageRate;
    final int seededFromHour;
    final int seededUntilHour;

    private volatile String name;
    private volatile boolean disabled;
    private volatile long revokedAt;
    private volatile long lastUsedAt;
    private volatile String lastUsedIp;
    private volatile int firstLiveHour = Integer.MAX_VALUE;
    private volatile int lastLiveHour = Integer.MIN_VALUE;
    private volatile KeyTerms terms = KeyTerms.NONE;
    private volatile List<String> scopeOverride;
    /** Seeded spend per UTC day from {@link #seededCostFromDay}, computed once when first asked (see SpendMeter). */
    volatile float[] seededDayCost;
    volatile int seededCostFromDay;

    StoredKey(int seq, String id, String name, String prefix, String lastFour, List<String> scopes, long createdAt,
              long expiresAt, UsageShape shape, int usageRate, int seededFromHour, int seededUntilHour) {
        this.seq = seq;
        this.id = id;
        this.name = name;
        this.prefix = prefix;
        this.lastFour = lastFour;
        this.scopes = scopes;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.usageShape = (byte) shape.ordinal();
        this.usageRate = usageRate;
        this.seededFromHour = seededFromHour;
        this.seededUntilHour = seededUntilHour;
    }

    String name() {
        return name;
    }

    void rename(String newName) {
        this.name = newName;
    }

    boolean disabled() {
        return disabled;
    }

    void setDisabled(boolean value) {
        this.disabled = value;
    }

    boolean revoked() {
        return revokedAt != 0;
    }

    long revokedAt() {
        return revokedAt;
    }

    /** Revokes once; a second call keeps the first revocation time. */
    synchronized void revoke(long when) {
        if (revokedAt == 0) {
            revokedAt = when;
        }
    }

    boolean expired(long now) {
        return expiresAt != 0 && expiresAt <= now;
    }

    long lastUsedAt() {
        return lastUsedAt;
    }

    String lastUsedIp() {
        return lastUsedIp;
    }

    synchronized void markUsed(long when, String ip) {
        if (when >= lastUsedAt) {
            lastUsedAt = when;
            lastUsedIp = ip;
        }
    }

    synchronized void noteLiveHour(int hour) {
        if (hour < firstLiveHour) {
            firstLiveHour = hour;
        }
        if (hour > lastLiveHour) {
            lastLiveHour = hour;
        }
    }

    int firstLiveHour() {
        return firstLiveHour;
    }

    int lastLiveHour() {
        return lastLiveHour;
    }

    UsageShape shape() {
        return UsageShape.values()[usageShape];
    }

    boolean hasScope(String scope) {
        return scopes().contains(scope);
    }

    /** The scopes it was created with, or those a PATCH set since. */
    List<String> scopes() {
        List<String> changed = scopeOverride;
        return changed == null ? scopes : changed;
    }

    void setScopes(List<String> newScopes) {
        this.scopeOverride = List.copyOf(newScopes);
    }

    KeyTerms terms() {
        return terms;
    }

    void setTerms(KeyTerms newTerms) {
        this.terms = newTerms == null ? KeyTerms.NONE : newTerms;
    }

    String environment() {
        return TEST_PREFIX.equals(prefix) ? "test" : "live";
    }

    static String iso(long epochMillis) {
        return epochMillis == 0 ? null : Instant.ofEpochMilli(epochMillis).toString();
    }
}
