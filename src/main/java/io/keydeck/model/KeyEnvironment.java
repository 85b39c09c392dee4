package io.keydeck.model;

import java.util.Locale;

/** Whether a key reaches live traffic; gateways without the notion report {@link #NONE}. */
public enum KeyEnvironment {
    LIVE, TEST, NONE;

    /** The wire form used by the MultiRoute protocol ("live", "test"). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the wire form; unknown or missing values become {@link #NONE}. */
    public static KeyEnvironment fromWire(String value) {
        if (value == null) {
            return NONE;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "live", "production", "prod" -> LIVE;
            case "test", "sandbox", "dev" -> TEST;
            default -> NONE;
        };
    }
}
