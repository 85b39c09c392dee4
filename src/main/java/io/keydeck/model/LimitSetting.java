package io.keydeck.model;

import java.math.BigDecimal;

/**
 * A spend limit as a user sets it on create or edit. {@link #REMOVE} takes a key's limit away.
 *
 * @param amount null only for {@link #REMOVE}
 */
public record LimitSetting(Amount amount, LimitReset reset) {
    public static final LimitSetting REMOVE = new LimitSetting(null, LimitReset.NEVER);

    public LimitSetting {
        reset = reset == null ? LimitReset.NEVER : reset;
        if (reset == LimitReset.OTHER) {
            throw new IllegalArgumentException("a limit is set to reset daily, weekly, monthly or never");
        }
        if (amount == null && reset != LimitReset.NEVER) {
            throw new IllegalArgumentException("a limit that resets needs an amount");
        }
    }

    public static LimitSetting usd(BigDecimal amount, LimitReset reset) {
        return new LimitSetting(Amount.usd(amount), reset);
    }

    public boolean removes() {
        return amount == null;
    }

    /** "$50.00 a month", or "no limit". */
    public String display() {
        return removes() ? "no limit" : amount.display() + reset.perText();
    }
}
