package io.keydeck.model;

import java.util.Locale;

/** Whether a key reaches live traffic; gateways without the notion report {@link #NONE}. */
public enum KeyEnvironment {
    LIVE, TEST, NONE;

    /** "live" or "test" as a whole segment followed by a separator, so random key characters never match. */
    private static final java.util.regex.Pattern MARKED = java.util.regex.Pattern.compile("(?:^|[_-])(live|test)[_-]");

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

    /**
     * The environment a key's own prefix names, for gateways whose keys carry one but whose answers
     * do not say it ({@code mrk_live_…}, {@code tr_test_…}, {@code sk_live_…}, {@code rk-test-…}):
     * a {@code live} or {@code test} segment followed by a separator. {@link #NONE} for any other prefix.
     */
    public static KeyEnvironment fromKeyPrefix(String prefix) {
        if (prefix == null) {
            return NONE;
        }
        var match = MARKED.matcher(prefix.toLowerCase(Locale.ROOT));
        if (match.find()) {
            return match.group(1).equals("live") ? LIVE : TEST;
        }
        return NONE;
    }
}
