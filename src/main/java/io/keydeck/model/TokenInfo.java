package io.keydeck.model;

import java.time.Instant;
import java.util.List;

/** Who an admin token is, as the gateway says: shown after "Test connection". */
public record TokenInfo(String subject, List<String> scopes, Instant expiresAt) {
    public TokenInfo {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }
}
