package io.keydeck.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What the user asked for when creating a key; drivers map it to their gateway's create call. */
public record NewKeyRequest(String name, List<String> scopes, KeyEnvironment environment, Instant expiresAt) {
    public NewKeyRequest {
        Objects.requireNonNull(name, "name");
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
        environment = environment == null ? KeyEnvironment.LIVE : environment;
    }
}
