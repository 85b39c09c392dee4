package io.keydeck.model;

import java.util.Locale;

/**
 * How often a spend limit starts over. {@link #OTHER} is a gateway's own period KeyDeck has no name
 * for (LiteLLM's {@code budget_duration: "45d"}); the limit keeps its text.
 */
public enum LimitReset {
    DAILY, WEEKLY, MONTHLY, NEVER, OTHER;

    /** "daily", "weekly", "monthly", "never" (the CLI's and the sandbox's spelling). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The period a limit of this reset counts spend over: a monthly limit against the month's spend. */
    public SpendPeriod period() {
        return switch (this) {
            case DAILY -> SpendPeriod.DAY;
            case WEEKLY -> SpendPeriod.WEEK;
            case MONTHLY -> SpendPeriod.MONTH;
            default -> SpendPeriod.TOTAL;
        };
    }

    /** "daily", "weekly", "monthly", "never"/null/empty (never); anything else is refused with the choices. */
    public static LimitReset parse(String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("null")) {
            return NEVER;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "daily", "day" -> DAILY;
            case "weekly", "week" -> WEEKLY;
            case "monthly", "month" -> MONTHLY;
            case "never", "none" -> NEVER;
            default -> throw new IllegalArgumentException("reset must be daily, weekly, monthly or never, was \""
                    + value.strip() + "\"");
        };
    }

    /** "a day", "a week", "a month", "" for never, as in "$50 a month". */
    public String perText() {
        return switch (this) {
            case DAILY -> " a day";
            case WEEKLY -> " a week";
            case MONTHLY -> " a month";
            default -> "";
        };
    }
}
