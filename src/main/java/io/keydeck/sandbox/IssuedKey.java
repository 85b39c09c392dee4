package io.keydeck.sandbox;

import java.time.Instant;
import java.util.List;

/**
 * A key created directly in the sandbox with its secret, so tests (and demos) can call
 * {@code /v1/chat/completions} with it. The secret is never part of {@link #toString()}.
 */
public record IssuedKey(String id, String name, String prefix, String lastFour, List<String> scopes,
                        Instant expiresAt, String secret) {

    /** {@code mrk_live_…a1b2}, as the console shows the key. */
    public String hint() {
        return prefix + "…" + lastFour;
    }

    @Override
    public String toString() {
        return "IssuedKey[" + id + ", " + name + ", " + hint() + ", secret=<redacted>]";
    }
}
