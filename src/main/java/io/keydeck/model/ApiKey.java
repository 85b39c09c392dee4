package io.keydeck.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One API key as a gateway describes it. Never holds the secret: only the prefix and last four
 * characters, which is all a gateway keeps after creation.
 *
 * @param attributes driver-specific extras the typed model has no field for, display-ready strings
 * @param account    spend, limits, rate limits, allowed models and owner; {@link KeyAccount#UNKNOWN} when
 *                   the gateway reports none of it
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
        Map<String, String> attributes,
        KeyAccount account) {

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
        account = account == null ? KeyAccount.UNKNOWN : account;
    }

    /** A key whose gateway reports no spend, limits or owner. */
    public ApiKey(String id, String name, String prefix, String lastFour, KeyEnvironment environment,
                  List<String> scopes, Instant createdAt, Instant lastUsedAt, String lastUsedIp, Instant expiresAt,
                  boolean revoked, Instant revokedAt, boolean disabled, Map<String, String> attributes) {
        this(id, name, prefix, lastFour, environment, scopes, createdAt, lastUsedAt, lastUsedIp, expiresAt, revoked,
                revokedAt, disabled, attributes, KeyAccount.UNKNOWN);
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
                expiresAt, true, when, disabled, attributes, account);
    }

    public ApiKey withName(String newName) {
        return new ApiKey(id, newName, prefix, lastFour, environment, scopes, createdAt, lastUsedAt, lastUsedIp,
                expiresAt, revoked, revokedAt, disabled, attributes, account);
    }

    public ApiKey withDisabled(boolean newDisabled) {
        return new ApiKey(id, name, prefix, lastFour, environment, scopes, createdAt, lastUsedAt, lastUsedIp,
                expiresAt, revoked, revokedAt, newDisabled, attributes, account);
    }

    public ApiKey withAccount(KeyAccount newAccount) {
        return new ApiKey(id, name, prefix, lastFour, environment, scopes, createdAt, lastUsedAt, lastUsedIp,
                expiresAt, revoked, revokedAt, disabled, attributes, newAccount);
    }

    public ApiKey withScopes(List<String> newScopes) {
        return new ApiKey(id, name, prefix, lastFour, environment, newScopes, createdAt, lastUsedAt, lastUsedIp,
                expiresAt, revoked, revokedAt, disabled, attributes, account);
    }
}
