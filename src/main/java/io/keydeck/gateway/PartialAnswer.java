package io.keydeck.gateway;

import java.util.Objects;

/**
 * A gateway answered a call but left one part of the answer out — its costs report failed, so every key is listed
 * with its spend unknown — or that part is complete again. A client says so through
 * {@link GatewayClient#reportPartialAnswersTo} instead of failing the whole call, so the user sees what is missing
 * and why while the rest is shown.
 *
 * @param part    what is missing, stable across calls so a later complete answer clears it ({@link #SPEND})
 * @param problem the sentence for the user, naming what failed and what is shown without it; null when the part
 *                is complete again. Never holds a secret (it is built from a {@link GatewayException}'s description).
 */
public record PartialAnswer(String part, String problem) {
    /** Spend per key (and cost per usage bucket) could not be read. */
    public static final String SPEND = "spend";

    public PartialAnswer {
        Objects.requireNonNull(part, "part");
    }

    public static PartialAnswer missing(String part, String problem) {
        return new PartialAnswer(part, Objects.requireNonNull(problem, "problem"));
    }

    public static PartialAnswer complete(String part) {
        return new PartialAnswer(part, null);
    }

    public boolean isComplete() {
        return problem == null;
    }
}
