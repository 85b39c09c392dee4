package io.keydeck.ui;

import io.keydeck.model.ApiKey;
import io.keydeck.model.KeyEnvironment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Keys for UI tests, built around a fixed "now". */
public final class TestKeys {
    public static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    private TestKeys() {
    }

    public static ApiKey key(String id, String name, KeyEnvironment environment, List<String> scopes,
                             Duration createdAgo, Duration lastUsedAgo, Duration expiresIn, boolean revoked,
                             boolean disabled) {
        return new ApiKey(id, name, "mrk_" + environment.wireName() + "_", id.substring(Math.max(0, id.length() - 4)),
                environment, scopes, NOW.minus(createdAgo),
                lastUsedAgo == null ? null : NOW.minus(lastUsedAgo), lastUsedAgo == null ? null : "10.0.0.7",
                expiresIn == null ? null : NOW.plus(expiresIn), revoked, revoked ? NOW.minus(Duration.ofDays(1)) : null,
                disabled, Map.of());
    }

    public static ApiKey active(String id, String name) {
        return key(id, name, KeyEnvironment.LIVE, List.of("chat"), Duration.ofDays(40), Duration.ofHours(2),
                null, false, false);
    }

    public static List<ApiKey> many(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> active(String.format("key_%04d", i), "Service " + i))
                .toList();
    }
}
