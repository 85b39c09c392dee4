package io.keydeck.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox's spend, budgets, per-key rate limits and allowed models over HTTP (docs/sandbox-protocol-spend.md). */
class SpendAndLimitsAreEnforcedTest {
    private static SandboxGateway sandbox;
    private static SandboxCalls calls;
    private static String admin;

    @BeforeAll
    static void start() throws Exception {
        sandbox = SandboxGateway.start(SandboxOptions.defaults().withTraffic(false).withAuthEvents(0));
        calls = new SandboxCalls(sandbox);
        admin = sandbox.adminToken();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static JsonNode create(String body) {
        SandboxCalls.Answer created = calls.post("/v1/api-keys", admin, body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json();
    }

    @Test
    void aKeyOverItsBudgetIsRefused429WithRateLimitHeadersAndShowsInTheAuthLogAndUsage() {
        JsonNode key = create("{\"name\":\"frozen\",\"limits\":{\"budget\":{\"amount\":0,\"reset\":\"daily\"}}}");
        assertThat(key.path("limits").path("budget").path("amount").decimalValue()).isZero();
        assertThat(key.path("limits").path("budget").path("reset").asText()).isEqualTo("daily");
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        SandboxCalls.Answer refused = calls.chat(key.path("secret").asText(), "192.0.2.50", "hello");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.errorCode()).isEqualTo("budget_exceeded");
        assertThat(refused.json().path("error").path("message").asText()).contains("$0 daily budget")
                .contains("resets at " + before.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1) + "T00:00:00Z");
        assertThat(refused.header("X-RateLimit-Limit")).isNotNull();
        assertThat(refused.header("X-RateLimit-Remaining")).isNotNull();
        assertThat(Long.parseLong(refused.header("X-RateLimit-Reset"))).isGreaterThanOrEqualTo(before.getEpochSecond());
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        String id = key.path("id").asText();
        JsonNode events = calls.get("/v1/auth-events?code=budget_exceeded&since=" + before.minusSeconds(1), admin)
                .json().path("data");
        assertThat(events).anySatisfy(e -> {
            assertThat(e.path("key_id").asText()).isEqualTo(id);
            assertThat(e.path("status").asInt()).isEqualTo(429);
            assertThat(e.path("request_id").asText()).isEqualTo(refused.header("X-Request-ID"));
        });
        JsonNode usage = calls.get("/v1/usage?bucket=hour&key_id=" + id + "&start=" + before.minus(Duration.ofHours(1))
                + "&end=" + before.plus(Duration.ofHours(1)), admin).json().path("data");
        assertThat(usage).extracting(u -> u.path("errors").asLong()).contains(1L);
    }

    @Test
    void spendGrowsWithCallsAndABudgetStopsTheKeyOnceItIsSpent() {
        JsonNode key = create("{\"name\":\"tiny-budget\",\"limits\":{\"budget\":{\"amount\":0.00001}}}");
        String secret = key.path("secret").asText();
        assertThat(key.path("spend").path("total").decimalValue()).isZero();

        assertThat(calls.chat(secret, "192.0.2.51", "a question of some length").status()).isEqualTo(200);
        SandboxCalls.Answer second = calls.chat(secret, "192.0.2.51", "another");

        assertThat(second.status()).isEqualTo(429);
        assertThat(second.errorCode()).isEqualTo("budget_exceeded");
        assertThat(second.header("Retry-After")).as("a budget that never resets has no time to wait for").isNull();
        JsonNode after = calls.get("/v1/api-keys/" + key.path("id").asText(), admin).json();
        assertThat(after.path("spend").path("total").decimalValue()).isPositive();
        assertThat(after.path("spend").path("day").decimalValue()).isEqualTo(after.path("spend").path("total").decimalValue());
        assertThat(after.path("limits").path("budget").path("remaining").decimalValue()).isZero();
        assertThat(after.path("limits").path("budget").path("resets_at").isNull()).isTrue();
        assertThat(after.path("spend").path("daily")).hasSize(SpendMeter.DAILY_DAYS);
    }

    @Test
    void aKeyOverItsRequestsPerMinuteIsRefusedRateLimitedWithItsOwnHeaders() {
        JsonNode key = create("{\"name\":\"two-a-minute\",\"limits\":{\"requests_per_minute\":2}}");
        String secret = key.path("secret").asText();
        List<SandboxCalls.Answer> answers = new ArrayList<>();
        for (int attempt = 0; attempt < 3; attempt++) {
            answers.clear();
            for (int i = 0; i < 3; i++) {
                answers.add(calls.chat(secret, "192.0.2.52", "hi"));
            }
            // the three calls must share one minute window; across a minute boundary the count starts over
            if (answers.stream().map(a -> a.header("X-RateLimit-Reset")).distinct().count() == 1) {
                break;
            }
            SandboxCalls.Answer last = answers.get(2);
            while (last.status() == 429) {
                last = calls.chat(secret, "192.0.2.52", "wait");
            }
        }
        assertThat(answers).extracting(SandboxCalls.Answer::status).containsExactly(200, 200, 429);
        assertThat(answers).extracting(a -> a.header("X-RateLimit-Limit")).containsOnly("2");
        assertThat(answers).extracting(a -> a.header("X-RateLimit-Remaining")).containsExactly("1", "0", "0");
        assertThat(answers.get(2).errorCode()).isEqualTo("rate_limited");
        assertThat(Long.parseLong(answers.get(2).header("Retry-After"))).isBetween(1L, 60L);
    }

    @Test
    void limitsScopesAndModelsChangeThroughPatchAndABadFieldChangesNothing() {
        JsonNode key = create("{\"name\":\"patched\",\"scopes\":[\"chat:write\"]}");
        String path = "/v1/api-keys/" + key.path("id").asText();
        assertThat(key.path("limits").path("budget").isNull()).isTrue();

        JsonNode limited = calls.patch(path, admin, "{\"limits\":{\"budget\":{\"amount\":50,\"reset\":\"monthly\"},"
                + "\"tokens_per_minute\":90000},\"scopes\":[\"chat:write\",\"models:read\"],"
                + "\"allowed_models\":[\"gpt-4o-mini\"]}").json();
        assertThat(limited.path("limits").path("budget").path("amount").asInt()).isEqualTo(50);
        assertThat(limited.path("limits").path("budget").path("resets_at").asText()).endsWith("-01T00:00:00Z");
        assertThat(limited.path("limits").path("tokens_per_minute").asLong()).isEqualTo(90000);
        assertThat(limited.path("scopes")).extracting(JsonNode::asText).containsExactly("chat:write", "models:read");
        assertThat(limited.path("allowed_models")).extracting(JsonNode::asText).containsExactly("gpt-4o-mini");

        SandboxCalls.Answer bad = calls.patch(path, admin, "{\"name\":\"renamed\",\"limits\":{\"budget\":{\"amount\":5,"
                + "\"reset\":\"yearly\"}}}");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().path("error").path("message").asText()).contains("daily, weekly, monthly, never");
        JsonNode unchanged = calls.get(path, admin).json();
        assertThat(unchanged.path("name").asText()).isEqualTo("patched");
        assertThat(unchanged.path("limits").path("budget").path("amount").asInt()).isEqualTo(50);

        JsonNode cleared = calls.patch(path, admin, "{\"limits\":{\"budget\":null}}").json();
        assertThat(cleared.path("limits").path("budget").isNull()).isTrue();
        assertThat(cleared.path("limits").path("tokens_per_minute").asLong()).as("absent fields stay").isEqualTo(90000);
        assertThat(calls.patch(path, admin, "{\"scopes\":[]}").status()).isEqualTo(422);
    }

    @Test
    void aModelTheKeyMayNotCallIsRefusedAndLogged() {
        JsonNode key = create("{\"name\":\"mini-only\",\"allowed_models\":[\"gpt-4o-mini\"]}");
        SandboxCalls.Answer refused = calls.chat(key.path("secret").asText(), "192.0.2.53", "hi");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("model_not_allowed");
        assertThat(refused.json().path("error").path("message").asText()).contains("\"test\"").contains("gpt-4o-mini");
    }

    private static JsonNode demoKey(String name) {
        for (JsonNode key : calls.get("/v1/api-keys?limit=100", admin).json().path("data")) {
            if (key.path("name").asText().equals(name)) {
                return key;
            }
        }
        throw new AssertionError("no demo key " + name);
    }

    @Test
    void theDemoDataHasAKeyNearItsLimitOneOverItALiveKeyWithoutAnyLimitAndAnOwnerWhoLeft() {
        JsonNode near = demoKey(DemoTerms.NEAR_LIMIT).path("limits").path("budget");
        double used = near.path("spent").asDouble() / near.path("amount").asDouble();
        assertThat(used).isBetween(0.9, 1.0);
        JsonNode over = demoKey(DemoTerms.OVER_BUDGET).path("limits").path("budget");
        assertThat(over.path("spent").asDouble()).isGreaterThan(over.path("amount").asDouble());

        JsonNode unlimited = demoKey(DemoTerms.UNLIMITED);
        assertThat(unlimited.path("environment").asText()).isEqualTo("live");
        assertThat(unlimited.path("limits").path("budget").isNull()).isTrue();
        assertThat(unlimited.path("limits").path("requests_per_minute").isNull()).isTrue();
        assertThat(unlimited.path("spend").path("total").asDouble()).isPositive();

        JsonNode left = demoKey(DemoTerms.OWNER_LEFT).path("owner");
        assertThat(left.path("kind").asText()).isEqualTo("user");
        assertThat(left.path("member").asBoolean(true)).isFalse();
        long limited = 0;
        for (JsonNode key : calls.get("/v1/api-keys?limit=100", admin).json().path("data")) {
            limited += key.path("limits").path("budget").isObject() ? 1 : 0;
        }
        assertThat(limited).as("most demo keys have a budget").isGreaterThan(30);
    }

    @Test
    void theSpikingDemoKeySpendsManyTimesItsUsualDayToday() {
        JsonNode daily = demoKey("batch-embeddings").path("spend").path("daily");
        List<Double> before = new ArrayList<>();
        for (int i = 0; i < daily.size() - 1; i++) {
            before.add(daily.get(i).path("amount").asDouble());
        }
        before.sort(null);
        double median = before.get(before.size() / 2);
        assertThat(daily.get(daily.size() - 1).path("amount").asDouble()).isGreaterThan(3 * median);
    }
}
