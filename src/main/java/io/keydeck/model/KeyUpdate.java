package io.keydeck.model;

import java.util.List;

/**
 * A partial change to a key: null fields stay as they are.
 *
 * @param limit      a new spend limit, {@link LimitSetting#REMOVE} to take it away
 * @param rateLimits new rate limits (a null part removes that limit)
 * @param scopes     the key's new scopes, replacing the old ones
 * @param models     the models the key may call, replacing the old list; empty allows all
 */
public record KeyUpdate(String name, Boolean disabled, LimitSetting limit, RateLimits rateLimits, List<String> scopes,
                        List<String> models) {
    public KeyUpdate {
        scopes = scopes == null ? null : List.copyOf(scopes);
        models = models == null ? null : List.copyOf(models);
    }

    public KeyUpdate(String name, Boolean disabled) {
        this(name, disabled, null, null, null, null);
    }

    public static KeyUpdate rename(String name) {
        return new KeyUpdate(name, null);
    }

    public static KeyUpdate disabled(boolean disabled) {
        return new KeyUpdate(null, disabled);
    }

    public static KeyUpdate limit(LimitSetting limit) {
        return new KeyUpdate(null, null, java.util.Objects.requireNonNull(limit, "limit"), null, null, null);
    }

    public static KeyUpdate scopes(List<String> scopes) {
        return new KeyUpdate(null, null, null, null, java.util.Objects.requireNonNull(scopes, "scopes"), null);
    }

    /** True when this changes the spend limit or rate limits ({@link Capability#EDIT_LIMITS}). */
    public boolean changesLimits() {
        return limit != null || rateLimits != null;
    }

    /** True when this changes the scopes or allowed models ({@link Capability#EDIT_SCOPES}). */
    public boolean changesScopes() {
        return scopes != null || models != null;
    }
}
