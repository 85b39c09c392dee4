package io.keydeck.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ChatCallsShowUpInUsageTest {
    private static SandboxGateway sandbox;
    private static SandboxCalls calls;

    @BeforeAll
    static void start() throws Exception {
        sandbox = SandboxGateway.start(SandboxOptions.defaults().withTraffic(false).withAuthEvents(0));
        calls = new SandboxCalls(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static long[] totals(String keyId, String bucket, Instant start, Instant end) {
        SandboxCalls.Answer a = calls.get("/v1/usage?bucket=" + bucket + "&start=" + start + "&end=" + end
                + (keyId == null ? "" : "&key_id=" + keyId), sandbox.adminToken());
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        long[] sum = new long[4];
        for (JsonNode p : a.json().path("data")) {
            if (keyId != null) {
                assertThat(p.path("key_id").asText()).isEqualTo(keyId);
            }
            sum[0] += p.path("requests").asLong();
            sum[1] += p.path("input_tokens").asLong();
            sum[2] += p.path("output_tokens").asLong();
            sum[3] += p.path("errors").asLong();
        }
        return sum;
    }

    @Test
    void chatUpdatesLastUseAndUsageTotals() {
        IssuedKey key = sandbox.issueInferenceKey("usage-probe");
        Instant from = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.HOURS);
        Instant to = from.plus(3, ChronoUnit.HOURS);
        assertThat(totals(key.id(), "hour", from, to)).containsExactly(0, 0, 0, 0);

        long input = 0;
        long output = 0;
        for (int i = 0; i < 3; i++) {
            SandboxCalls.Answer a = calls.chat(key.secret(), "192.0.2." + (10 + i), "tell me something " + "x".repeat(i * 40));
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.json().path("choices").get(0).path("message").path("content").asText()).isNotBlank();
            input += a.json().path("usage").path("prompt_tokens").asLong();
            output += a.json().path("usage").path("completion_tokens").asLong();
        }
        SandboxCalls.Answer broken = calls.post("/v1/chat/completions", key.secret(), "{\"messages\":\"nope\"}");
        assertThat(broken.status()).isEqualTo(400);

        assertThat(totals(key.id(), "hour", from, to)).containsExactly(4, input, output, 1);
        assertThat(totals(key.id(), "day", from.truncatedTo(ChronoUnit.DAYS), to.plus(1, ChronoUnit.DAYS)))
                .containsExactly(4, input, output, 1);

        JsonNode read = calls.get("/v1/api-keys/" + key.id(), sandbox.adminToken()).json();
        Instant lastUsed = Instant.parse(read.path("last_used_at").asText());
        assertThat(lastUsed).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
        assertThat(read.path("last_used_ip").asText()).isEqualTo("192.0.2.12");
    }

    @Test
    void seededHistoryRespectsEachKeysLife() {
        JsonNode keys = calls.get("/v1/api-keys?limit=1000&include_revoked=true", sandbox.adminToken()).json();
        Instant end = Instant.now().plus(1, ChronoUnit.HOURS);
        Instant start = end.minus(120, ChronoUnit.DAYS);
        int keysWithUsage = 0;
        int neverUsed = 0;
        for (JsonNode key : keys.path("data")) {
            SandboxCalls.Answer a = calls.get("/v1/usage?bucket=hour&start=" + start + "&end=" + end + "&key_id="
                    + key.path("id").asText(), sandbox.adminToken());
            JsonNode points = a.json().path("data");
            if (key.path("last_used_at").isNull()) {
                neverUsed++;
                assertThat(points.size()).as(key.path("name").asText()).isZero();
                continue;
            }
            Instant created = Instant.parse(key.path("created_at").asText());
            Instant lastUsed = Instant.parse(key.path("last_used_at").asText());
            for (JsonNode p : points) {
                Instant bucket = Instant.parse(p.path("bucket_start").asText());
                assertThat(bucket).isAfterOrEqualTo(created.truncatedTo(ChronoUnit.HOURS));
                assertThat(bucket).isBeforeOrEqualTo(lastUsed);
                assertThat(p.path("errors").asLong()).isLessThanOrEqualTo(p.path("requests").asLong());
                assertThat(p.path("requests").asLong() + p.path("errors").asLong()).isPositive();
            }
            if (points.size() > 0) {
                keysWithUsage++;
            }
        }
        assertThat(neverUsed).isPositive();
        assertThat(keysWithUsage).isGreaterThan(keys.path("data").size() / 2);
    }

    @Test
    void usageQueriesAreChecked() {
        String admin = sandbox.adminToken();
        assertThat(calls.get("/v1/usage?bucket=week", admin).status()).isEqualTo(400);
        assertThat(calls.get("/v1/usage?start=last-tuesday", admin).status()).isEqualTo(400);
        assertThat(calls.get("/v1/usage?start=2024-01-01T00:00:00Z&end=2025-06-01T00:00:00Z", admin).status())
                .isEqualTo(400);
        assertThat(calls.get("/v1/usage?start=2025-01-02&end=2025-01-01", admin).status()).isEqualTo(400);
        assertThat(calls.get("/v1/usage?key_id=key_nobody", admin).status()).isEqualTo(404);
        String noUsageScope = sandbox.mintAdminJwt("keys-only", java.util.List.of("keys:read"), java.time.Duration.ofMinutes(5));
        assertThat(calls.get("/v1/usage", noUsageScope).errorCode()).isEqualTo("insufficient_permissions");
    }

    @Test
    void dailyBucketsAddUpTheHours() {
        Instant end = Instant.now().truncatedTo(ChronoUnit.DAYS);
        Instant start = end.minus(30, ChronoUnit.DAYS);
        long[] hourly = totals(null, "hour", start, end);
        long[] daily = totals(null, "day", start, end);
        assertThat(hourly[0]).isPositive();
        assertThat(daily).containsExactly(hourly);
    }
}
