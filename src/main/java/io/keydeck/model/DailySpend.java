package io.keydeck.model;

import java.time.LocalDate;
import java.util.Objects;

/** What a key spent on one UTC day; the spend-spike review compares today with the days before. */
public record DailySpend(LocalDate day, Amount amount) {
    public DailySpend {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(amount, "amount");
    }
}
