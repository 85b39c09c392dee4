package io.keydeck.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the user asked for when creating a key; drivers map it to their gateway's create call.
 *
 * @param limit      a spend limit to create the key with, or null for none
 * @param rateLimits rate limits to create the key with, or null for none
 */
public record NewKeyRequest(String name, List<String> scopes, KeyEnvironment environment, Instant expiresAt,
                            LimitSetting limit, RateLimits rateLimits) {
    public NewKeyRequest {
        Objects.requireNonNull(name, "name");
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
        environment = environment == null ? KeyEnvironment.LIVE : environment;
        limit = limit == null || limit.removes() ? null : limit;
        rateLimits = rateLimits == null || rateLimits.isEmpty() ? null : rateLimits;
    }

    public NewKeyRequest(String name, List<String> scopes, KeyEnvironment environment, Instant expiresAt) {
        this(name, scopes, environment, expiresAt, null, null);
    }

    public NewKeyRequest withLimit(LimitSetting newLimit) {
        return new NewKeyRequest(name, scopes, environment, expiresAt, newLimit, rateLimits);
    }
}
