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

    /** A limit as KeyDeck's model sets it; null for {@link io.keydeck.model.LimitSetting#REMOVE}. */
    public static OpenRouterLimit of(io.keydeck.model.LimitSetting setting) {
        if (setting == null || setting.removes()) {
            return null;
        }
        if (setting.amount().isCurrency() && !"USD".equals(setting.amount().unit())) {
            throw new IllegalArgumentException("OpenRouter limits are in credits (US dollars), not "
                    + setting.amount().unit());
        }
        return new OpenRouterLimit(setting.amount().value(), Reset.valueOf(setting.reset().name()));
    }

    public OpenRouterLimit {
        Objects.requireNonNull(usd, "usd");
        reset = reset == null ? Reset.NEVER : reset;
        if (usd.signum() < 0) {
            throw new IllegalArgumentException("a credit limit cannot be negative");
        }
    }
}
