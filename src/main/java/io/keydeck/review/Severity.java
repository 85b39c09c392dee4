package io.keydeck.review;

import java.util.Locale;

/**
 * How urgent a finding is, so a reviewer (or {@code keydeck report --min-severity}) can start with
 * what exposes the gateway now. Declared from most to least severe.
 */
public enum Severity {
    /** Exposure now: admin scopes on an inference key, a revoked key still being tried. */
    HIGH,
    /** A key that can be abused unnoticed or will break soon: unused, stale, test key in production, expiring. */
    MEDIUM,
    /** Hygiene: no expiry, rotation due, an expired key still listed. */
    LOW;

    /** True when this severity is {@code minimum} or more severe ({@code HIGH.atLeast(LOW)} is true). */
    public boolean atLeast(Severity minimum) {
        return ordinal() <= minimum.ordinal();
    }

    /** Parses "high", "Medium", "LOW"; anything else is an {@link IllegalArgumentException} naming the choices. */
    public static Severity parse(String text) {
        if (text != null) {
            for (Severity severity : values()) {
                if (severity.name().equalsIgnoreCase(text.strip())) {
                    return severity;
                }
            }
        }
        throw new IllegalArgumentException("Unknown severity \"" + text + "\"; use high, medium or low.");
    }

    /** "high", "medium", "low": the spelling used in reports. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
