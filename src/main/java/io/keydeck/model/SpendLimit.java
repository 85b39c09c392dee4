package io.keydeck.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A key's budget or credit limit as the gateway reports it: the most it may spend per reset period,
 * what is left, and when the count starts over.
 *
 * @param remaining what is left of {@code amount} in the current period, null when not reported
 * @param resetsAt  when the period ends, null when not reported or never
 * @param resetText the gateway's own words for an {@link LimitReset#OTHER} period ("45d"), else null
 */
public record SpendLimit(Amount amount, LimitReset reset, Amount remaining, Instant resetsAt, String resetText) {
    public SpendLimit {
        Objects.requireNonNull(amount, "amount");
        reset = reset == null ? LimitReset.NEVER : reset;
        if (remaining != null && !remaining.unit().equals(amount.unit())) {
            throw new IllegalArgumentException("remaining is in " + remaining.unit() + ", the limit in " + amount.unit());
        }
        resetText = resetText == null || resetText.isBlank() ? null : resetText.strip();
    }

    public SpendLimit(Amount amount, LimitReset reset) {
        this(amount, reset, null, null, null);
    }

    /**
     * How much of the limit is used, 0..1 (more when overspent): from what remains, else from the spend
     * over the limit's period when {@code spentInPeriod} is given; empty when neither is known or the limit is 0.
     */
    public Optional<Double> usedFraction(Amount spentInPeriod) {
        if (amount.value().signum() == 0) {
            return Optional.empty();
        }
        BigDecimal used;
        if (remaining != null) {
            used = amount.value().subtract(remaining.value()).max(BigDecimal.ZERO);
        } else if (spentInPeriod != null && spentInPeriod.unit().equals(amount.unit())) {
            used = spentInPeriod.value();
        } else {
            return Optional.empty();
        }
        return Optional.of(used.divide(amount.value(), MathContext.DECIMAL64).doubleValue());
    }

    /** "$50.00 a month", "$10.00 every 45d", "$5.00" for a one-off budget. */
    public String display() {
        return amount.display() + (reset == LimitReset.OTHER && resetText != null ? " every " + resetText : reset.perText());
    }
}
