package io.keydeck.sandbox;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a key may spend and call and who owns it (DESIGN §3 as extended in docs/sandbox-protocol-spend.md):
 * a budget in US dollars with its reset, requests and tokens per minute, allowed models (empty: all) and
 * an owner. Null parts are "none". Immutable: a PATCH swaps the whole value.
 */
record KeyTerms(BigDecimal budget, String reset, Long requestsPerMinute, Long tokensPerMinute,
                List<String> allowedModels, Owner owner) {
    static final KeyTerms NONE = new KeyTerms(null, "never", null, null, List.of(), null);
    static final List<String> RESETS = List.of("daily", "weekly", "monthly", "never");

    /** Who the key belongs to; {@code member} false once they left the team or project. */
    record Owner(String kind, String id, String displayName, boolean member) {
    }

    KeyTerms {
        reset = reset == null ? "never" : reset;
        allowedModels = allowedModels == null ? List.of() : List.copyOf(allowedModels);
    }

    KeyTerms withBudget(BigDecimal newBudget, String newReset) {
        return new KeyTerms(newBudget, newBudget == null ? "never" : newReset, requestsPerMinute, tokensPerMinute,
                allowedModels, owner);
    }

    KeyTerms withRates(Long rpm, Long tpm) {
        return new KeyTerms(budget, reset, rpm, tpm, allowedModels, owner);
    }

    KeyTerms withModels(List<String> models) {
        return new KeyTerms(budget, reset, requestsPerMinute, tokensPerMinute, models, owner);
    }

    KeyTerms withOwner(Owner newOwner) {
        return new KeyTerms(budget, reset, requestsPerMinute, tokensPerMinute, allowedModels, newOwner);
    }
}
