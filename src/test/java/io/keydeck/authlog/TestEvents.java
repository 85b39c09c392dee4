package io.keydeck.authlog;

import io.keydeck.model.AuthEvent;

import java.time.Instant;

/** Auth events for tests, around a fixed time. */
public final class TestEvents {
    public static final Instant T0 = Instant.parse("2026-03-10T12:00:00Z");

    private TestEvents() {
    }

    public static AuthEvent event(String id, Instant at, int status, String code, String prefix, String lastFour,
                                  String keyId, String ip) {
        return new AuthEvent(id, at, status, status == 401 ? "authentication_error" : "permission_error", code,
                "message for " + code, "req_" + id, prefix, lastFour, keyId, ip, "curl/8.5.0", "POST",
                "/v1/chat/completions");
    }

    public static AuthEvent invalid(String id, Instant at, String lastFour, String ip) {
        return event(id, at, 401, "invalid_api_key", "mrk_live_", lastFour, null, ip);
    }
}
