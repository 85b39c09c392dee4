package io.keydeck.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * A freshly created key together with its secret, which a gateway returns exactly once. The secret
 * is a {@code char[]} so it can be wiped when the user has copied it; it is never part of
 * {@link #toString()}.
 */
public final class IssuedSecret implements AutoCloseable {
    private final ApiKey key;
    private final char[] secret;
    private final String warning;
    private volatile boolean wiped;

    /** Takes ownership of {@code secret}: the caller must not keep or wipe its own reference. */
    public IssuedSecret(ApiKey key, char[] secret) {
        this(key, secret, null);
    }

    /**
     * As {@link #IssuedSecret(ApiKey, char[])}, with a warning to show beside the secret: the answer
     * carried the secret but some other field could not be read, so {@code key} is partly unknown.
     */
    public IssuedSecret(ApiKey key, char[] secret, String warning) {
        this.key = Objects.requireNonNull(key, "key");
        this.secret = Objects.requireNonNull(secret, "secret");
        this.warning = warning;
    }

    /** What could not be read of the answer that carried this secret, if anything. */
    public java.util.Optional<String> warning() {
        return java.util.Optional.ofNullable(warning);
    }

    public ApiKey key() {
        return key;
    }

    /** The live secret array (not a copy); empty once wiped. */
    public char[] secret() {
        return wiped ? new char[0] : secret;
    }

    public boolean isWiped() {
        return wiped;
    }

    /** Overwrites the secret in memory. Safe to call more than once. */
    public void wipe() {
        Arrays.fill(secret, '\0');
        wiped = true;
    }

    @Override
    public void close() {
        wipe();
    }

    @Override
    public String toString() {
        return "IssuedSecret[" + key.hint() + ", secret=<redacted>]";
    }
}
