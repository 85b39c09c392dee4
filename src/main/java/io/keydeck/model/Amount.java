package io.keydeck.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A sum of money or credits as a gateway counts it, so spend and limits of different gateways are
 * never added up across units: {@code USD} (or another ISO currency code) or {@code credits}.
 *
 * @param unit an upper-case three-letter currency code, or {@link #CREDITS}
 */
public record Amount(BigDecimal value, String unit) implements Comparable<Amount> {
    public static final String USD = "USD";
    public static final String CREDITS = "credits";
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public Amount {
        Objects.requireNonNull(value, "value");
        if (value.signum() < 0) {
            throw new IllegalArgumentException("an amount cannot be negative, was " + value.toPlainString());
        }
        unit = unit(unit);
        value = value.stripTrailingZeros();
        if (value.scale() < 0) {
            value = value.setScale(0);
        }
    }

    public static Amount usd(BigDecimal value) {
        return new Amount(value, USD);
    }

    public static Amount usd(double value) {
        return usd(BigDecimal.valueOf(value));
    }

    /** The unit as written: a currency code upper-cased, "credits" for credits; unknown words are refused. */
    public static String unit(String unit) {
        if (unit == null || unit.isBlank()) {
            return USD;
        }
        String trimmed = unit.strip();
        if (trimmed.equalsIgnoreCase(CREDITS) || trimmed.equalsIgnoreCase("credit")) {
            return CREDITS;
        }
        String code = trimmed.toUpperCase(Locale.ROOT);
        if (!CURRENCY.matcher(code).matches()) {
            throw new IllegalArgumentException("unit must be a currency code such as USD or \"credits\", was \""
                    + trimmed + "\"");
        }
        return code;
    }

    public boolean isCurrency() {
        return !CREDITS.equals(unit);
    }

    public Amount plus(Amount other) {
        sameUnit(other);
        return new Amount(value.add(other.value), unit);
    }

    /** This minus {@code other}, never below zero. */
    public Amount minus(Amount other) {
        sameUnit(other);
        return new Amount(value.subtract(other.value).max(BigDecimal.ZERO), unit);
    }

    @Override
    public int compareTo(Amount other) {
        sameUnit(other);
        return value.compareTo(other.value);
    }

    private void sameUnit(Amount other) {
        if (!unit.equals(other.unit)) {
            throw new IllegalArgumentException("cannot combine " + unit + " with " + other.unit);
        }
    }

    /** "$12.50", "€3.00", "1,200 credits", "12.50 CHF": two decimals for money, cents kept when smaller. */
    public String display() {
        if (!isCurrency()) {
            return String.format(Locale.ROOT, "%,.0f credits", value);
        }
        BigDecimal shown = value.compareTo(BigDecimal.ONE) < 0 && value.signum() > 0 && value.scale() > 2
                ? value.setScale(Math.min(value.scale(), 4), RoundingMode.HALF_UP)
                : value.setScale(2, RoundingMode.HALF_UP);
        String number = String.format(Locale.ROOT, "%,." + shown.scale() + "f", shown);
        return switch (unit) {
            case USD -> "$" + number;
            case "EUR" -> "€" + number;
            case "GBP" -> "£" + number;
            default -> number + " " + unit;
        };
    }

    @Override
    public String toString() {
        return display();
    }
}
