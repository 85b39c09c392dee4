package io.keydeck.model;

import java.util.Locale;

/** The span a reported spend total covers: today, this week, this month, or the key's whole life. */
public enum SpendPeriod {
    DAY, WEEK, MONTH, TOTAL;

    /** "day", "week", "month", "total". */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The wire form, also "daily"/"weekly"/"monthly"/"lifetime"; null for anything else. */
    public static SpendPeriod fromWire(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "day", "daily", "today" -> DAY;
            case "week", "weekly" -> WEEK;
            case "month", "monthly" -> MONTH;
            case "total", "lifetime", "all", "all_time" -> TOTAL;
            default -> null;
        };
    }
}
