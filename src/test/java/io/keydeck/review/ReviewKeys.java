package io.keydeck.review;

import io.keydeck.model.ApiKey;
import io.keydeck.model.AuthEvent;
import io.keydeck.model.KeyEnvironment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Crafted keys around a fixed "now", one property at a time, for the rule and report tests. */
final class ReviewKeys {
    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    private ReviewKeys() {
    }

    /** A healthy live key: 30 days old, used an hour ago, expires in 60 days, chat scope only. */
    static ApiKey healthy(String id) {
        return new ApiKey(id, "svc-" + id, "mrk_live_", "ab12", KeyEnvironment.LIVE, List.of("chat:write"),
                NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofHours(1)), "198.51.100.9",
                NOW.plus(Duration.ofDays(60)), false, null, false, Map.of());
    }

    static ApiKey created(ApiKey k, Duration ago) {
        return new ApiKey(k.id(), k.name(), k.prefix(), k.lastFour(), k.environment(), k.scopes(),
                ago == null ? null : NOW.minus(ago), k.lastUsedAt(), k.lastUsedIp(), k.expiresAt(), k.revoked(),
                k.revokedAt(), k.disabled(), k.attributes());
    }

    static ApiKey lastUsed(ApiKey k, Duration ago) {
        return new ApiKey(k.id(), k.name(), k.prefix(), k.lastFour(), k.environment(), k.scopes(), k.createdAt(),
                ago == null ? null : NOW.minus(ago), ago == null ? null : k.lastUsedIp(), k.expiresAt(), k.revoked(),
                k.revokedAt(), k.disabled(), k.attributes());
    }

    static ApiKey expiresIn(ApiKey k, Duration in) {
        return new ApiKey(k.id(), k.name(), k.prefix(), k.lastFour(), k.environment(), k.scopes(), k.createdAt(),
                k.lastUsedAt(), k.lastUsedIp(), in == null ? null : NOW.plus(in), k.revoked(), k.revokedAt(),
                k.disabled(), k.attributes());
    }

    static ApiKey scopes(ApiKey k, String prefix, List<String> scopes) {
        return new ApiKey(k.id(), k.name(), prefix, k.lastFour(), k.environment(), scopes, k.createdAt(),
                k.lastUsedAt(), k.lastUsedIp(), k.expiresAt(), k.revoked(), k.revokedAt(), k.disabled(), k.attributes());
    }

    static ApiKey environment(ApiKey k, KeyEnvironment environment) {
        return new ApiKey(k.id(), k.name(), environment == KeyEnvironment.TEST ? "mrk_test_" : "mrk_live_",
                k.lastFour(), environment, k.scopes(), k.createdAt(), k.lastUsedAt(), k.lastUsedIp(), k.expiresAt(),
                k.revoked(), k.revokedAt(), k.disabled(), k.attributes());
    }

    static ApiKey named(ApiKey k, String name) {
        return k.withName(name);
    }

    static AuthEvent attempt(String keyId, String prefix, String lastFour, Instant at, String ip) {
        return new AuthEvent("evt_" + at.toEpochMilli(), at, 401, "authentication_error", "invalid_api_key",
                "This API key was revoked.", "req_1", prefix, lastFour, keyId, ip, "curl/8.5.0", "POST",
                "/v1/chat/completions");
    }
}
