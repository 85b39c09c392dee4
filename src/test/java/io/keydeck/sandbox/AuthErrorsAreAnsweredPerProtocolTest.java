package io.keydeck.sandbox;

import io.keydeck.model.KeyEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuthErrorsAreAnsweredPerProtocolTest {
    private static SandboxGateway sandbox;
    private static SandboxCalls calls;

    @BeforeAll
    static void start() throws Exception {
        sandbox = SandboxGateway.start(SandboxOptions.defaults().withTraffic(false).withKeys(20).withAuthEvents(0));
        calls = new SandboxCalls(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static void assertError(SandboxCalls.Answer answer, int status, String type, String code) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.json().path("error").path("type").asText()).isEqualTo(type);
        assertThat(answer.errorCode()).isEqualTo(code);
        assertThat(answer.json().path("error").path("message").asText()).isNotBlank();
        assertThat(answer.json().path("error").path("request_id").asText())
                .startsWith("req_").isEqualTo(answer.header("X-Request-ID"));
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertRateHeaders(answer);
    }

    private static void assertRateHeaders(SandboxCalls.Answer answer) {
        assertThat(answer.header("X-RateLimit-Limit")).isEqualTo("20000");
        assertThat(Integer.parseInt(answer.header("X-RateLimit-Remaining"))).isBetween(0, 20000);
        assertThat(Long.parseLong(answer.header("X-RateLimit-Reset")))
                .isGreaterThan(Instant.now().getEpochSecond() - 1);
    }

    @Test
    void chatWithoutKeyIsMissingApiKey() {
        SandboxCalls.Answer a = calls.post("/v1/chat/completions", null, "{\"messages\":[{\"content\":\"hi\"}]}");
        assertError(a, 401, "authentication_error", "missing_api_key");
    }

    @Test
    void chatWithUnknownKeyIsInvalidApiKey() {
        SandboxCalls.Answer a = calls.chat("mrk_live_" + "A".repeat(32), "192.0.2.1", "hi");
        assertError(a, 401, "authentication_error", "invalid_api_key");
        assertError(calls.chat("not-a-key", "192.0.2.1", "hi"), 401, "authentication_error", "invalid_api_key");
    }

    @Test
    void chatWithExpiredKeyIsExpiredApiKey() {
        IssuedKey key = sandbox.issueInferenceKey("expired-one", KeyEnvironment.LIVE, List.of("chat:write"),
                Instant.now().minusSeconds(60));
        assertError(calls.chat(key.secret(), "192.0.2.1", "hi"), 401, "authentication_error", "expired_api_key");
    }

    @Test
    void chatWithDisabledKeyIsRefused() {
        IssuedKey key = sandbox.issueInferenceKey("to-disable");
        assertThat(calls.patch("/v1/api-keys/" + key.id(), sandbox.adminToken(), "{\"disabled\":true}").status())
                .isEqualTo(200);
        assertError(calls.chat(key.secret(), "192.0.2.1", "hi"), 403, "permission_error", "key_disabled");
    }

    @Test
    void chatWithAdminTokenIsInvalidApiKey() {
        assertError(calls.chat(sandbox.adminToken(), "192.0.2.1", "hi"), 401, "authentication_error",
                "invalid_api_key");
    }

    @Test
    void adminEndpointWithoutTokenIsMissingApiKey() {
        assertError(calls.get("/v1/api-keys", null), 401, "authentication_error", "missing_api_key");
    }

    @Test
    void adminEndpointWithWrongTokenIsInvalidApiKey() {
        assertError(calls.get("/v1/api-keys", "mrk_admin_" + "x".repeat(32)), 401, "authentication_error",
                "invalid_api_key");
        assertError(calls.get("/v1/api-keys", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"), 401,
                "authentication_error", "invalid_api_key");
    }

    @Test
    void jwtSignedByAnotherSandboxIsInvalid() throws Exception {
        try (SandboxGateway other = SandboxGateway.start(SandboxOptions.defaults().withTraffic(false).withKeys(0)
                .withAuthEvents(0))) {
            String foreign = other.mintAdminJwt("mallory", List.of("keys:read"), Duration.ofMinutes(5));
            assertError(calls.get("/v1/api-keys", foreign), 401, "authentication_error", "invalid_api_key");
        }
    }

    @Test
    void expiredJwtIsExpiredApiKey() {
        String jwt = sandbox.mintAdminJwt("ops", List.of("keys:read"), Duration.ofMinutes(-5));
        assertError(calls.get("/v1/api-keys", jwt), 401, "authentication_error", "expired_api_key");
    }

    @Test
    void jwtWithoutKeysManageCannotCreateButCanList() {
        String jwt = sandbox.mintAdminJwt("auditor", List.of("keys:read", "audit:read"), Duration.ofMinutes(5));
        SandboxCalls.Answer create = calls.post("/v1/api-keys", jwt, "{\"name\":\"nope\",\"scopes\":[\"chat:write\"]}");
        assertError(create, 403, "permission_error", "insufficient_permissions");
        assertThat(create.json().path("error").path("message").asText()).contains("keys:manage");
        SandboxCalls.Answer list = calls.get("/v1/api-keys", jwt);
        assertThat(list.status()).isEqualTo(200);
        assertRateHeaders(list);
        assertThat(list.header("X-Request-ID")).startsWith("req_");
    }

    @Test
    void tokenEndpointDescribesTheCaller() {
        SandboxCalls.Answer opaque = calls.get("/v1/token", sandbox.adminToken());
        assertThat(opaque.json().path("subject").asText()).isEqualTo("sandbox-admin");
        assertThat(opaque.json().path("scopes").toString()).contains("keys:manage", "audit:read", "config:write");
        assertThat(opaque.json().path("expires_at").isNull()).isTrue();

        String jwt = sandbox.mintAdminJwt("ci-bot", List.of("usage:read"), Duration.ofHours(1));
        SandboxCalls.Answer jwtAnswer = calls.get("/v1/token", jwt);
        assertThat(jwtAnswer.json().path("subject").asText()).isEqualTo("ci-bot");
        assertThat(jwtAnswer.json().path("scopes").toString()).isEqualTo("[\"usage:read\"]");
        assertThat(Instant.parse(jwtAnswer.json().path("expires_at").asText()))
                .isBetween(Instant.now().plusSeconds(3500), Instant.now().plusSeconds(3700));
    }

    @Test
    void inferenceKeyOnAdminEndpointIsForbidden() {
        IssuedKey key = sandbox.issueInferenceKey("sneaky", KeyEnvironment.LIVE, List.of("chat:write", "keys:manage"));
        assertError(calls.get("/v1/api-keys", key.secret()), 403, "permission_error", "insufficient_permissions");
    }

    @Test
    void unknownThingsAreNotFoundAndWrongMethodsAre405() {
        assertError(calls.get("/v1/api-keys/key_doesnotexist", sandbox.adminToken()), 404, "not_found_error",
                "not_found");
        assertError(calls.delete("/v1/api-keys/key_doesnotexist", sandbox.adminToken()), 404, "not_found_error",
                "not_found");
        assertError(calls.get("/v1/nothing-here", sandbox.adminToken()), 404, "not_found_error", "not_found");
        assertError(calls.get("/v1/chat/completions", sandbox.adminToken()), 405, "invalid_request_error",
                "method_not_allowed");
    }

    @Test
    void badCreatesAreInvalidRequests() {
        String admin = sandbox.adminToken();
        assertError(calls.post("/v1/api-keys", admin, "{not json"), 400, "invalid_request_error", "invalid_request");
        assertError(calls.post("/v1/api-keys", admin, "{\"scopes\":[\"chat:write\"]}"), 422, "invalid_request_error",
                "invalid_request");
        assertError(calls.post("/v1/api-keys", admin, "{\"name\":\"" + "n".repeat(101) + "\"}"), 422,
                "invalid_request_error", "invalid_request");
        SandboxCalls.Answer badScope = calls.post("/v1/api-keys", admin, "{\"name\":\"x\",\"scopes\":[\"root\"]}");
        assertError(badScope, 422, "invalid_request_error", "invalid_request");
        assertThat(badScope.json().path("error").path("message").asText()).contains("root");
        assertError(calls.post("/v1/api-keys", admin, "{\"name\":\"x\",\"expires_at\":\"2001-01-01T00:00:00Z\"}"), 422,
                "invalid_request_error", "invalid_request");
        assertError(calls.post("/v1/api-keys", admin, "{\"name\":\"x\",\"environment\":\"prod-ish\"}"), 422,
                "invalid_request_error", "invalid_request");
        assertError(calls.get("/v1/api-keys?limit=0", admin), 400, "invalid_request_error", "invalid_request");
        assertError(calls.get("/v1/api-keys?limit=1001", admin), 400, "invalid_request_error", "invalid_request");
        assertError(calls.get("/v1/api-keys?after=garbage", admin), 400, "invalid_request_error", "invalid_request");
    }
}
