package io.keydeck.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

class KeyLifecycleTest {
    private static SandboxGateway sandbox;
    private static SandboxCalls calls;
    private static String admin;

    @BeforeAll
    static void start() throws Exception {
        sandbox = SandboxGateway.start(SandboxOptions.defaults().withTraffic(false).withKeys(10).withAuthEvents(50));
        calls = new SandboxCalls(sandbox);
        admin = sandbox.adminToken();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void createReturnsTheSecretOnceAndTheKeyDescribesIt() {
        Instant expiry = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        SandboxCalls.Answer a = calls.post("/v1/api-keys", admin, "{\"name\":\"reporting (test)\",\"scopes\":"
                + "[\"chat:write\",\"usage:read\"],\"environment\":\"test\",\"expires_at\":\"" + expiry + "\"}");
        assertThat(a.status()).isEqualTo(201);
        JsonNode key = a.json();
        assertThat(key.path("id").asText()).matches("key_[0-9A-Za-z]{24}");
        assertThat(key.path("secret").asText()).matches("mrk_test_[0-9A-Za-z]{32}");
        assertThat(key.path("prefix").asText()).isEqualTo("mrk_test_");
        assertThat(key.path("environment").asText()).isEqualTo("test");
        assertThat(key.path("last_four").asText()).isEqualTo(key.path("secret").asText().substring(37));
        assertThat(Instant.parse(key.path("expires_at").asText())).isEqualTo(expiry);
        assertThat(key.path("scopes").toString()).isEqualTo("[\"chat:write\",\"usage:read\"]");
        assertThat(key.path("last_used_at").isNull()).isTrue();
        assertThat(key.path("revoked").asBoolean()).isFalse();
    }

    @Test
    void sameIdempotencyKeyGivesTheSameKeyWithoutASecondSecret() {
        String body = "{\"name\":\"idem\",\"scopes\":[\"chat:write\"]}";
        SandboxCalls.Answer first = calls.post("/v1/api-keys", admin, body, "Idempotency-Key", "idem-1");
        int count = sandbox.keyCount();
        SandboxCalls.Answer second = calls.post("/v1/api-keys", admin, body, "Idempotency-Key", "idem-1");
        assertThat(first.json().has("secret")).isTrue();
        assertThat(second.json().path("id").asText()).isEqualTo(first.json().path("id").asText());
        assertThat(second.json().has("secret")).isFalse();
        assertThat(second.text()).doesNotContain(first.json().path("secret").asText());
        assertThat(second.json().path("idempotent_replay").asBoolean()).isTrue();
        assertThat(sandbox.keyCount()).isEqualTo(count);

        SandboxCalls.Answer different = calls.post("/v1/api-keys", admin, "{\"name\":\"other\"}",
                "Idempotency-Key", "idem-1");
        assertThat(different.status()).isEqualTo(422);
        assertThat(sandbox.keyCount()).isEqualTo(count);
    }

    @Test
    void patchRenamesAndDisables() {
        IssuedKey key = sandbox.issueInferenceKey("before");
        SandboxCalls.Answer a = calls.patch("/v1/api-keys/" + key.id(), admin, "{\"name\":\"after\",\"disabled\":true}");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().path("name").asText()).isEqualTo("after");
        assertThat(a.json().path("disabled").asBoolean()).isTrue();
        JsonNode read = calls.get("/v1/api-keys/" + key.id(), admin).json();
        assertThat(read.path("name").asText()).isEqualTo("after");
        assertThat(calls.patch("/v1/api-keys/key_unknown", admin, "{\"name\":\"x\"}").status()).isEqualTo(404);
        assertThat(calls.patch("/v1/api-keys/" + key.id(), admin, "{\"name\":\"\"}").status()).isEqualTo(422);
    }

    @Test
    void revokedKeyIsRefusedOnChatAndTheAttemptIsInTheAuthLog() {
        IssuedKey key = sandbox.issueInferenceKey("to-revoke");
        assertThat(calls.chat(key.secret(), "198.51.100.9", "hello").status()).isEqualTo(200);

        SandboxCalls.Answer revoke = calls.delete("/v1/api-keys/" + key.id(), admin);
        assertThat(revoke.status()).isEqualTo(200);
        assertThat(revoke.json().toString()).isEqualTo("{\"status\":\"ok\",\"id\":\"" + key.id() + "\",\"revoked\":true}");
        assertThat(calls.delete("/v1/api-keys/" + key.id(), admin).json().path("revoked").asBoolean()).isTrue();

        SandboxCalls.Answer refused = calls.chat(key.secret(), "198.51.100.66", "hello again");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.errorCode()).isEqualTo("invalid_api_key");
        assertThat(refused.json().path("error").path("message").asText()).containsIgnoringCase("revoked");

        JsonNode newest = calls.get("/v1/auth-events?limit=1", admin).json().path("data").get(0);
        assertThat(newest.path("request_id").asText()).isEqualTo(refused.header("X-Request-ID"));
        assertThat(newest.path("status").asInt()).isEqualTo(401);
        assertThat(newest.path("code").asText()).isEqualTo("invalid_api_key");
        assertThat(newest.path("key_hint").path("prefix").asText()).isEqualTo("mrk_live_");
        assertThat(newest.path("key_hint").path("last_four").asText()).isEqualTo(key.lastFour());
        assertThat(newest.path("key_id").asText()).isEqualTo(key.id());
        assertThat(newest.path("client_ip").asText()).isEqualTo("198.51.100.66");
        assertThat(newest.path("user_agent").asText()).isEqualTo("sandbox-test/1.0");
        assertThat(newest.path("method").asText()).isEqualTo("POST");
        assertThat(newest.path("path").asText()).isEqualTo("/v1/chat/completions");
        assertThat(newest.toString()).doesNotContain(key.secret());

        JsonNode listed = calls.get("/v1/api-keys/" + key.id(), admin).json();
        assertThat(listed.path("revoked").asBoolean()).isTrue();
        assertThat(listed.path("revoked_at").isNull()).isFalse();
        assertThat(calls.patch("/v1/api-keys/" + key.id(), admin, "{\"name\":\"zombie\"}").status()).isEqualTo(422);
    }

    @Test
    void authEventsFilterAndPageNewestFirst() {
        calls.post("/v1/chat/completions", null, "{\"messages\":[{\"content\":\"x\"}]}");
        JsonNode missing = calls.get("/v1/auth-events?code=missing_api_key&limit=1000", admin).json();
        assertThat(missing.path("data").size()).isPositive();
        missing.path("data").forEach(e -> {
            assertThat(e.path("code").asText()).isEqualTo("missing_api_key");
            assertThat(e.path("key_hint").isNull()).isTrue();
        });
        JsonNode forbidden = calls.get("/v1/auth-events?status=403&limit=1000", admin).json();
        forbidden.path("data").forEach(e -> assertThat(e.path("status").asInt()).isEqualTo(403));

        Instant since = Instant.now().minus(2, ChronoUnit.DAYS);
        JsonNode recent = calls.get("/v1/auth-events?limit=1000&since=" + since, admin).json();
        recent.path("data").forEach(e -> assertThat(Instant.parse(e.path("occurred_at").asText())).isAfterOrEqualTo(since));

        JsonNode first = calls.get("/v1/auth-events?limit=7", admin).json();
        JsonNode second = calls.get("/v1/auth-events?limit=7&after=" + first.path("next_cursor").asText(), admin).json();
        Instant lastOfFirst = Instant.parse(first.path("data").get(6).path("occurred_at").asText());
        Instant firstOfSecond = Instant.parse(second.path("data").get(0).path("occurred_at").asText());
        assertThat(firstOfSecond).isBeforeOrEqualTo(lastOfFirst);
        assertThat(second.path("data").get(0).path("id").asText())
                .isNotEqualTo(first.path("data").get(6).path("id").asText());
        assertThat(calls.get("/v1/auth-events?since=yesterday", admin).status()).isEqualTo(400);
    }
}
