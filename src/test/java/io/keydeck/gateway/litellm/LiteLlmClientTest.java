package io.keydeck.gateway.litellm;

import io.keydeck.gateway.AdminToken;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.GatewayException.Kind;
import io.keydeck.gateway.GatewayTarget;
import io.keydeck.gateway.fixture.FixtureServer;
import io.keydeck.gateway.fixture.FixtureServer.Reply;
import io.keydeck.gateway.fixture.RecordingSleeper;
import io.keydeck.model.ApiKey;
import io.keydeck.model.IssuedSecret;
import io.keydeck.model.KeyUpdate;
import io.keydeck.model.NewKeyRequest;
import io.keydeck.model.UsageBucket;
import io.keydeck.model.UsagePoint;
import io.keydeck.model.UsageQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The LiteLLM proxy driver against answers shaped as the proxy's key-management API returns them. */
class LiteLlmClientTest {
    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private static final String KEY = """
            {"token":"837e17519f44","key_name":"sk-...Hw4x","key_alias":"backend","spend":1.234,"max_budget":10,
             "budget_duration":"30d","models":["gpt-4o","claude-3-5-sonnet"],"tpm_limit":100000,"rpm_limit":null,
             "team_id":"team-core","user_id":"u-1","expires":"2025-04-01T00:00:00","blocked":null,
             "created_at":"2025-02-01T10:00:00.123000+00:00","metadata":{}}""";

    private FixtureServer server;
    private LiteLlmClient client;

    @BeforeEach
    void start() throws Exception {
        server = FixtureServer.start();
        client = new LiteLlmDriver(new RecordingSleeper().options(), Clock.fixed(NOW, ZoneOffset.UTC))
                .connect(new GatewayTarget(server.baseUrl(), AdminToken.of("sk-master-1234")));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void keysShowBudgetLimitsAndModelsAsAttributesAndPageByNumber() throws Exception {
        server.enqueue(
                Reply.json(200, "{\"keys\":[" + KEY + "],\"total_count\":2,\"current_page\":1,\"total_pages\":2}"),
                Reply.json(200, "{\"keys\":[{\"token\":\"aa11\",\"blocked\":true}],\"total_count\":2,"
                        + "\"current_page\":2,\"total_pages\":2}"));

        List<ApiKey> all = client.listAllKeys(false, n -> { });

        ApiKey key = all.get(0);
        assertThat(key.id()).isEqualTo("837e17519f44");
        assertThat(key.name()).isEqualTo("backend");
        assertThat(key.hint()).isEqualTo("sk-…Hw4x");
        assertThat(key.expiresAt()).isEqualTo(Instant.parse("2025-04-01T00:00:00Z"));
        assertThat(key.createdAt()).isEqualTo(Instant.parse("2025-02-01T10:00:00.123Z"));
        assertThat(key.attributes()).containsEntry("Spend", "$1.23").containsEntry("Max budget", "$10.00")
                .containsEntry("Budget period", "30d").containsEntry("TPM limit", "100000")
                .containsEntry("RPM limit", "None").containsEntry("Models", "gpt-4o, claude-3-5-sonnet")
                .containsEntry("Team", "team-core");
        assertThat(all.get(1).disabled()).isTrue();
        assertThat(all.get(1).attributes()).containsEntry("Models", "All models").containsEntry("Max budget", "No budget");
        assertThat(server.requests()).extracting(FixtureServer.Recorded::query).containsExactly(
                "page=1&size=100&return_full_object=true", "page=2&size=100&return_full_object=true");
        assertThat(server.requests().get(0).header("Authorization")).contains("Bearer sk-master-1234");
    }

    @Test
    void generateSendsAliasAndDurationAndReturnsTheSecretOnce() throws Exception {
        String hash = "9f2a" + "0".repeat(56) + "b7c1";
        server.enqueue(Reply.json(200, "{\"key\":\"sk-Fn8Ej39NxjAXrvpUGKghGw\",\"key_name\":\"sk-...GhGw\","
                + "\"token\":\"" + hash + "\",\"key_alias\":\"ci\",\"expires\":\"2025-03-08T12:00:00Z\"}"));

        try (IssuedSecret issued = client.createKey(new NewKeyRequest("ci", List.of(), null,
                Instant.parse("2025-03-08T12:00:00Z")), "idem")) {
            assertThat(new String(issued.secret())).isEqualTo("sk-Fn8Ej39NxjAXrvpUGKghGw");
            assertThat(issued.key().id()).isEqualTo(hash);
            assertThat(issued.key().hint()).isEqualTo("sk-…GhGw");
        }
        FixtureServer.Recorded sent = server.requests().get(0);
        assertThat(sent.path()).isEqualTo("/key/generate");
        assertThat(sent.body()).isEqualTo("{\"key_alias\":\"ci\",\"duration\":\"604800s\"}");
    }

    @Test
    void renameUpdatesThenBlockAndUnblockToggleTheKey() throws Exception {
        server.enqueue(Reply.json(200, "{}"), Reply.json(200, "{}"),
                Reply.json(200, "{\"key\":\"837e17519f44\",\"info\":" + KEY.replace("\"blocked\":null", "\"blocked\":true")
                        + "}"),
                Reply.json(200, "{}"), Reply.json(200, "{\"key\":\"837e17519f44\",\"info\":" + KEY + "}"));

        ApiKey blocked = client.updateKey("837e17519f44", new KeyUpdate("renamed", true));
        ApiKey unblocked = client.updateKey("837e17519f44", KeyUpdate.disabled(false));

        assertThat(blocked.disabled()).isTrue();
        assertThat(unblocked.disabled()).isFalse();
        assertThat(server.requests()).extracting(r -> r.method() + " " + r.path()).containsExactly(
                "POST /key/update", "POST /key/block", "GET /key/info", "POST /key/unblock", "GET /key/info");
        assertThat(server.requests().get(0).body()).isEqualTo("{\"key\":\"837e17519f44\",\"key_alias\":\"renamed\"}");
        assertThat(server.requests().get(1).body()).isEqualTo("{\"key\":\"837e17519f44\"}");
        assertThat(server.requests().get(2).query()).isEqualTo("key=837e17519f44");
    }

    @Test
    void revokeDeletesByToken() throws Exception {
        server.enqueue(Reply.json(200, "{\"deleted_keys\":[\"837e17519f44\"]}"));

        assertThat(client.revokeKey("837e17519f44").revoked()).isTrue();
        assertThat(server.requests().get(0).path()).isEqualTo("/key/delete");
        assertThat(server.requests().get(0).body()).isEqualTo("{\"keys\":[\"837e17519f44\"]}");
    }

    @Test
    void spendLogsAreBucketedPerHourWithFailuresCountedAsErrors() throws Exception {
        server.enqueue(Reply.json(200, """
                [{"request_id":"r1","api_key":"837e","startTime":"2025-03-01T10:05:00","prompt_tokens":10,
                  "completion_tokens":5,"spend":0.1,"status":"success"},
                 {"request_id":"r2","api_key":"837e","startTime":"2025-03-01T10:55:00Z","prompt_tokens":4,
                  "completion_tokens":0,"status":"failure"},
                 {"request_id":"r3","api_key":"837e","startTime":"2025-03-01T11:01:00Z","prompt_tokens":1,
                  "completion_tokens":1},
                 {"request_id":"r4","api_key":"837e","startTime":"2025-03-01T12:30:00Z","prompt_tokens":9}]"""));
        UsageQuery query = new UsageQuery(Instant.parse("2025-03-01T10:00:00Z"), Instant.parse("2025-03-01T12:00:00Z"),
                UsageBucket.HOUR, "837e");

        List<UsagePoint> points = client.usage(query).points();

        assertThat(points).containsExactly(
                new UsagePoint("837e", Instant.parse("2025-03-01T10:00:00Z"), 2, 14, 5, 1),
                new UsagePoint("837e", Instant.parse("2025-03-01T11:00:00Z"), 1, 1, 1, 0));
        assertThat(server.requests().get(0).path()).isEqualTo("/spend/logs");
        assertThat(server.requests().get(0).query())
                .isEqualTo("api_key=837e&start_date=2025-03-01&end_date=2025-03-02&summarize=false");
    }

    /** A bucket with a row that carries no {@code spend} is not priced in part: its cost is unknown, and said so. */
    @Test
    void aBucketWithARowWithoutSpendHasNoCostRatherThanPartOfIt() throws Exception {
        server.enqueue(Reply.json(200, """
                [{"request_id":"r1","api_key":"837e","startTime":"2025-03-01T10:05:00Z","spend":0.1,"status":"success"},
                 {"request_id":"r2","api_key":"837e","startTime":"2025-03-01T10:55:00Z","status":"success"},
                 {"request_id":"r3","api_key":"837e","startTime":"2025-03-01T11:01:00Z","spend":"0.25"}]"""));
        UsageQuery query = new UsageQuery(Instant.parse("2025-03-01T10:00:00Z"), Instant.parse("2025-03-01T12:00:00Z"),
                UsageBucket.HOUR, "837e", true);

        io.keydeck.model.UsageSeries series = client.usage(query);

        assertThat(series.points()).extracting(UsagePoint::cost).containsExactly(null, io.keydeck.model.Amount.usd(0.25));
        assertThat(series.costNote()).contains("carry no spend");
    }

    @Test
    void liteLlmsErrorObjectWithStringCodeAndNoneParamIsReadable() {
        server.enqueue(Reply.json(401, "{\"error\":{\"message\":\"Authentication Error, Invalid proxy server token "
                + "passed.\",\"type\":\"auth_error\",\"param\":\"None\",\"code\":\"401\"}}"));

        assertThatThrownBy(() -> client.listKeys(null, 10, false))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNAUTHENTICATED);
                    assertThat(e.code()).isEqualTo("auth_error");
                    assertThat(e.getMessage()).isEqualTo("Authentication Error, Invalid proxy server token passed.");
                });
    }

    @Test
    void liteLlmsDetailErrorBodyIsReadable() {
        server.enqueue(Reply.json(400, "{\"detail\":{\"error\":\"Key not found: 837e\"}}"));

        assertThatThrownBy(() -> client.getKey("837e"))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST);
                    assertThat(e.getMessage()).isEqualTo("Key not found: 837e");
                });
    }

    @Test
    void authEventsAreUnsupportedWithASentence() {
        assertThatThrownBy(() -> client.authEvents(io.keydeck.model.AuthEventQuery.firstPage(10)))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED);
                    assertThat(e.getMessage()).contains("does not expose failed authentication attempts");
                });
    }
}
