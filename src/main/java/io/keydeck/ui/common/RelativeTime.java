package io.keydeck.ui.common;

import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ResourceBundle;

/** Says when something happened the way people say it ("3 days ago", "in 5 days", "never"). */
public final class RelativeTime {
    private final Clock clock;
    private final ResourceBundle messages;
    private final DateTimeFormatter exact;

    public RelativeTime(Clock clock, ResourceBundle messages) {
        this.clock = clock;
        this.messages = messages;
        this.exact = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z").withZone(clock.getZone());
    }

    public Instant now() {
        return clock.instant();
    }

    /**
     * {@code never} for null, otherwise the distance from now in the largest whole unit. A day or more
     * away counts calendar days in the clock's zone, so every time on one date reads the same ("in 5 days"
     * for 01:00 and 23:00 alike, not "in 4 days" for one of them).
     */
    public String format(Instant when) {
        if (when == null) {
            return messages.getString("time.never");
        }
        Instant now = clock.instant(); // one reference instant for the whole text
        Duration distance = Duration.between(now, when);
        long seconds = Math.abs(distance.getSeconds());
        if (seconds < 60) {
            return messages.getString("time.now");
        }
        if (seconds >= 86_400) {
            ZoneId zone = clock.getZone();
            long calendarDays = Math.abs(ChronoUnit.DAYS.between(LocalDate.ofInstant(now, zone),
                    LocalDate.ofInstant(when, zone)));
            seconds = Math.max(1, calendarDays) * 86_400;
        }
        String amount = amount(seconds);
        String pattern = distance.isNegative() ? "time.past" : "time.future";
        return MessageFormat.format(messages.getString(pattern), amount);
    }

    /** The full date and time (unambiguous ISO order, with zone) for tooltips and details; empty for null. */
    public String exact(Instant when) {
        return when == null ? "" : exact.format(when);
    }

    private String amount(long seconds) {
        long minutes = seconds / 60;
        long hours = minutes / 60;
        long days = hours / 24;
        if (minutes < 60) {
            return unit("time.unit.minutes", minutes);
        } else if (hours < 24) {
            return unit("time.unit.hours", hours);
        } else if (days < 60) {
            return unit("time.unit.days", days);
        } else if (days < 730) {
            return unit("time.unit.months", days / 30);
        }
        return unit("time.unit.years", days / 365);
    }

    private String unit(String key, long count) {
        return MessageFormat.format(messages.getString(key), count);
    }
}
