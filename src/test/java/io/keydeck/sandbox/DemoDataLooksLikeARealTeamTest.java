package io.keydeck.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDataLooksLikeARealTeamTest {
    private static SandboxGateway sandbox;
    private static SandboxCalls calls;
    private static List<JsonNode> keys;

    @BeforeAll
    static void start() throws Exception {
        sandbox = SandboxGateway.start(SandboxOptions.defaults().withTraffic(false));
        calls = new SandboxCalls(sandbox);
        keys = new ArrayList<>();
        calls.get("/v1/api-keys?limit=1000&include_revoked=true", sandbox.adminToken()).json().path("data")
                .forEach(keys::add);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static long count(java.util.function.Predicate<JsonNode> p) {
        return keys.stream().filter(p).count();
    }

    private static Instant time(JsonNode key, String field) {
        return key.path(field).isNull() ? null : Instant.parse(key.path(field).asText());
    }

    @Test
    void seededKeysCoverEveryCaseAReviewerLooksFor() {
        Instant now = Instant.now();
        assertThat(keys).hasSize(48);
        assertThat(keys).extracting(k -> k.path("name").asText()).contains("billing-service (prod)", "ci-runner",
                "analytics-batch", "mobile-app-ios");
        assertThat(count(k -> k.path("environment").asText().equals("test"))).isPositive();
        assertThat(count(k -> k.path("environment").asText().equals("live"))).isPositive();
        assertThat(count(k -> k.path("last_used_at").isNull())).as("never used").isPositive();
        assertThat(count(k -> time(k, "last_used_at") != null
                && time(k, "last_used_at").isBefore(now.minus(Duration.ofDays(90))))).as("stale").isPositive();
        assertThat(count(k -> time(k, "expires_at") != null && time(k, "expires_at").isAfter(now)
                && time(k, "expires_at").isBefore(now.plus(Duration.ofDays(14))))).as("expiring").isPositive();
        assertThat(count(k -> time(k, "expires_at") != null && time(k, "expires_at").isBefore(now))).as("expired")
                .isGreaterThanOrEqualTo(2);
        assertThat(count(k -> k.path("revoked").asBoolean() && time(k, "revoked_at") != null)).isGreaterThanOrEqualTo(3);
        assertThat(count(k -> k.path("disabled").asBoolean())).isPositive();
        assertThat(count(k -> k.path("scopes").toString().contains("keys:manage"))).isPositive();
        assertThat(count(k -> k.path("scopes").toString().contains("config:write"))).isPositive();
        Instant oldest = keys.stream().map(k -> time(k, "created_at")).min(Instant::compareTo).orElseThrow();
        assertThat(oldest).isBefore(now.minus(Duration.ofDays(200)));
    }

    @Test
    void theSameSeedGivesTheSameKeysAndAnotherSeedDoesNot() throws Exception {
        try (SandboxGateway same = SandboxGateway.start(SandboxOptions.defaults().withTraffic(false).withAuthEvents(0));
             SandboxGateway other = SandboxGateway.start(SandboxOptions.defaults().withTraffic(false).withSeed(7)
                     .withAuthEvents(0))) {
            assertThat(idsAndHints(same)).isEqualTo(idsAndHints(sandbox));
            assertThat(idsAndHints(other)).isNotEqualTo(idsAndHints(sandbox));
        }
    }

    private static List<String> idsAndHints(SandboxGateway gateway) {
        List<String> result = new ArrayList<>();
        new SandboxCalls(gateway).get("/v1/api-keys?limit=1000&include_revoked=true", gateway.adminToken()).json()
                .path("data").forEach(k -> result.add(k.path("id").asText() + " " + k.path("name").asText() + " "
                        + k.path("last_four").asText()));
        return result;
    }

    @Test
    void seededAuthFailuresShowABurstARevokedKeyAndALeakedKey() {
        List<JsonNode> events = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = calls.get("/v1/auth-events?limit=150" + (cursor == null ? "" : "&after=" + cursor),
                    sandbox.adminToken()).json();
            page.path("data").forEach(events::add);
            cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asText();
        } while (cursor != null);
        assertThat(events).hasSize(400);
        Instant weekAgo = Instant.now().minus(Duration.ofDays(7)).minusSeconds(60);
        assertThat(events).allSatisfy(e -> assertThat(Instant.parse(e.path("occurred_at").asText())).isAfter(weekAgo));
        assertThat(events.stream().map(e -> e.path("id").asText()).distinct().count()).isEqualTo(400);

        long burst = events.stream().filter(e -> e.path("client_ip").asText().equals("203.0.113.77")
                && e.path("code").asText().equals("invalid_api_key")).count();
        assertThat(burst).isGreaterThan(50);

        Set<String> revokedIds = new HashSet<>();
        keys.stream().filter(k -> k.path("revoked").asBoolean()).forEach(k -> revokedIds.add(k.path("id").asText()));
        assertThat(events).anySatisfy(e -> {
            assertThat(revokedIds).contains(e.path("key_id").asText());
            assertThat(e.path("message").asText()).contains("revoked");
        });

        Set<String> expiredKeyIps = new HashSet<>();
        events.stream().filter(e -> e.path("code").asText().equals("expired_api_key"))
                .forEach(e -> expiredKeyIps.add(e.path("client_ip").asText()));
        assertThat(expiredKeyIps).hasSizeGreaterThan(10);
    }
}
