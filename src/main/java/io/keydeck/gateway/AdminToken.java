package io.keydeck.gateway;

import java.util.Arrays;
import java.util.Objects;

/**
 * An admin token held in memory only, as chars, so it can be wiped. Its {@link #toString()} is
 * redacted so it cannot leak through logging or exception messages by accident.
 */
public final class AdminToken {
    private final char[] value;

    private AdminToken(char[] value) {
        this.value = value;
    }

    /** Copies {@code value}; the caller may wipe its own array afterwards. */
    public static AdminToken of(char[] value) {
        Objects.requireNonNull(value, "value");
        return new AdminToken(value.clone());
    }

    public static AdminToken of(String value) {
        return new AdminToken(Objects.requireNonNull(value, "value").toCharArray());
    }

    /** A copy of the token, for the one place that must build a header from it. */
    public char[] chars() {
        return value.clone();
    }

    public boolean isEmpty() {
        return value.length == 0;
    }

    public void wipe() {
        Arrays.fill(value, '\0');
    }

    @Override
    public String toString() {
        return "AdminToken[<redacted>]";
    }
}
