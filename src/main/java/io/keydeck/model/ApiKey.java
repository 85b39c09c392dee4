package io.keydeck.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One API key as a gateway describes it. Never holds the secret: only the prefix and last four
 * characters, which is all a gateway keeps after creation.
 *
 * @param attributes driver-specific extras (credit limit, budget, project …), display-ready strings
 */
public record ApiKey(
        String id,
        String name,
        String prefix,
        String lastFour,
        KeyEnvironment environment,
        List<String> scopes,
        Instant createdAt,
        Instant lastUsedAt,
        String lastUsedIp,
        Instant expiresAt,
        boolean revoked,
        Instant revokedAt,
        boolean disabled,
        Map<String, String> attributes) {

    public ApiKey {
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name;
        prefix = prefix == null ? "" : prefix;
        lastFour = lastFour == null ? "" : lastFour;
        // A gateway that does not say the environment may still name it in the key's own prefix.
        environment = environment == null || environment == KeyEnvironment.NONE
                ? KeyEnvironment.fromKeyPrefix(prefix) : environment;
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** The key as users recognise it: {@code mrk_live_…a1b2}. */
    public String hint() {
        return prefix + "…" + lastFour;
    }

    /** Revoked wins over expired, which wins over disabled. */
    public KeyStatus status(Instant now) {
        if (revoked) {
            return KeyStatus.REVOKED;
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            return KeyStatus.EXPIRED;
        }
        return disabled ? KeyStatus.DISABLED : KeyStatus.ACTIVE;
    }

    public ApiKey withRevoked(Instant when) {
        return new ApiKey(id, name, prefix, lastFour, environment, scopes, createdAt, lastUsedAt, lastUsedIp,
                expiresAt, true, when, disabled, attributes);
    }

    public ApiKey withName(String newName) {
        return new ApiKey(id, newName, prefix, lastFour, environment, scopes, createdAt, lastUsedAt, lastUsedIp,
                expiresAt, revoked, revokedAt, disabled, attributes);
    }

    public ApiKey withDisabled(boolean newDisabled) {
        return new ApiKey(id, name, prefix, lastFour, environment, scopes, createdAt, lastUsedAt, lastUsedIp,
                expiresAt, revoked, revokedAt, newDisabled, attributes);
    }
}
