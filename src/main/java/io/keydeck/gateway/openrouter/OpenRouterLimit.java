package io.keydeck.gateway.openrouter;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * An OpenRouter credit limit in US dollars and how often it resets; OpenRouter-only, so it travels
 * beside the generic {@code NewKeyRequest} rather than inside it.
 *
 * @param reset {@link Reset#NEVER} for a one-off budget
 */
public record OpenRouterLimit(BigDecimal usd, Reset reset) {
    /** OpenRouter's {@code limit_reset} values; resets happen at midnight UTC. */
    public enum Reset {
        NEVER, DAILY, WEEKLY, MONTHLY;

        String wireName() {
            return this == NEVER ? null : name().toLowerCase(Locale.ROOT);
        }
    }

    public OpenRouterLimit {
        Objects.requireNonNull(usd, "usd");
        reset = reset == null ? Reset.NEVER : reset;
        if (usd.signum() < 0) {
            throw new IllegalArgumentException("a credit limit cannot be negative");
        }
    }
}
