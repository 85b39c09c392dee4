package io.keydeck.gateway.openrouter;

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
import io.keydeck.model.UsageQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The OpenRouter driver against answers shaped as OpenRouter documents them. */
class OpenRouterClientTest {
    private static final String KEY = """
            {"hash":"f01d52606dc8","name":"My Production Key","label":"sk-or-v1-0e6...1c96","disabled":false,
             "limit":100,"limit_remaining":74.5,"limit_reset":"monthly","include_byok_in_limit":false,
             "usage":25.5,"usage_daily":1.25,"usage_weekly":7,"usage_monthly":25.5,
             "created_at":"2025-08-24T10:30:00Z","updated_at":"2025-08-24T15:45:00Z","expires_at":"2027-12-31T23:59:59Z"}""";

    private FixtureServer server;
    private OpenRouterClient client;

    @BeforeEach
    void start() throws Exception {
        server = FixtureServer.start();
        client = new OpenRouterDriver(new RecordingSleeper().options())
                .connect(new GatewayTarget(server.baseUrl(), AdminToken.of("sk-or-v1-management0000000000000000")));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static final String WORKSPACES = """
            {"data":[{"id":"0df9e665-d932-5740-b2c7-b52af166bc11","name":"Production","slug":"production"},
                     {"id":"550e8400-e29b-41d4-a716-446655440000","name":"Staging","slug":"staging"}],
             "total_count":2}""";

    @Test
    void aListedKeyShowsItsLabelHintLimitsAndUsageTotals() throws Exception {
        server.enqueue(Reply.json(404, "{\"error\":{\"code\":404,\"message\":\"Not Found\"}}"),
                Reply.json(200, "{\"data\":[" + KEY + "]}"));

        ApiKey key = client.listKeys(null, 50, false).items().get(0);

        assertThat(key.id()).isEqualTo("f01d52606dc8");
        assertThat(key.name()).isEqualTo("My Production Key");
        assertThat(key.hint()).isEqualTo("sk-or-v1-0e6…1c96");
        assertThat(key.createdAt()).isEqualTo(Instant.parse("2025-08-24T10:30:00Z"));
        assertThat(key.expiresAt()).isEqualTo(Instant.parse("2027-12-31T23:59:59Z"));
        assertThat(key.attributes()).containsEntry("Credit limit", "$100.00").containsEntry("Limit remaining", "$74.50")
                .containsEntry("Limit reset", "monthly").containsEntry("Usage today", "$1.25")
                .containsEntry("Usage this week", "$7.00").containsEntry("Usage this month", "$25.50");
        assertThat(key.attributes().keySet()).isSubsetOf(new OpenRouterDriver().keyAttributeNames());
        FixtureServer.Recorded sent = server.requests().get(1);
        assertThat(sent.method()).isEqualTo("GET");
        assertThat(sent.path()).isEqualTo("/api/v1/keys");
        assertThat(sent.query()).as("an account without workspaces lists its default one").isEqualTo("include_disabled=true");
        assertThat(sent.header("Authorization")).contains("Bearer sk-or-v1-management0000000000000000");
    }

    @Test
    void listingWalksEveryWorkspaceAndPagesByOffsetUntilAnEmptyPage() throws Exception {
        String page = IntStream.range(0, 3).mapToObj(i -> "{\"hash\":\"h" + i + "\",\"workspace_id\":"
                        + "\"0df9e665-d932-5740-b2c7-b52af166bc11\"}").collect(Collectors.joining(",", "{\"data\":[", "]}"));
        server.enqueue(Reply.json(200, WORKSPACES), Reply.json(200, page),
                Reply.json(200, "{\"data\":[{\"hash\":\"h3\",\"limit\":null,\"workspace_id\":\"0df9e665-d932-5740-b2c7-b52af166bc11\"}]}"),
                Reply.json(200, "{\"data\":[]}"),
                Reply.json(200, "{\"data\":[{\"hash\":\"s0\",\"workspace_id\":\"550e8400-e29b-41d4-a716-446655440000\"}]}"),
                Reply.json(200, "{\"data\":[]}"));

        List<ApiKey> all = client.listAllKeys(false, n -> { });

        assertThat(all).extracting(ApiKey::id).containsExactly("h0", "h1", "h2", "h3", "s0");
        assertThat(all.get(3).attributes()).containsEntry("Credit limit", "No limit").containsEntry("Workspace", "Production");
        assertThat(all.get(4).attributes()).containsEntry("Workspace", "Staging");
        assertThat(server.requests()).extracting(r -> r.path() + "?" + r.query()).containsExactly(
                "/api/v1/workspaces?limit=100",
                "/api/v1/keys?include_disabled=true&workspace_id=0df9e665-d932-5740-b2c7-b52af166bc11",
                "/api/v1/keys?include_disabled=true&offset=3&workspace_id=0df9e665-d932-5740-b2c7-b52af166bc11",
                "/api/v1/keys?include_disabled=true&offset=4&workspace_id=0df9e665-d932-5740-b2c7-b52af166bc11",
                "/api/v1/keys?include_disabled=true&workspace_id=550e8400-e29b-41d4-a716-446655440000",
                "/api/v1/keys?include_disabled=true&offset=1&workspace_id=550e8400-e29b-41d4-a716-446655440000");
    }

    @Test
    void anEmptyKeyHashIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> client.updateKey("", KeyUpdate.rename("x")))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST);
                    assertThat(e.getMessage()).isEqualTo("No key hash was given; nothing was sent to OpenRouter.");
                });
        assertThatThrownBy(() -> client.revokeKey(" ")).isInstanceOf(GatewayException.class);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void createSendsNameLimitResetAndExpiryAndReturnsTheSecretOnce() throws Exception {
        server.enqueue(Reply.json(201, "{\"data\":" + KEY + ",\"key\":\"sk-or-v1-d3558566a246d57584c29dd0\"}"));
        NewKeyRequest request = new NewKeyRequest("My Production Key", List.of(), null,
                Instant.parse("2027-12-31T23:59:59Z"));

        try (IssuedSecret issued = client.createKeyWithLimit(request,
                new OpenRouterLimit(new BigDecimal("100"), OpenRouterLimit.Reset.MONTHLY))) {
            assertThat(new String(issued.secret())).isEqualTo("sk-or-v1-d3558566a246d57584c29dd0");
            assertThat(issued.key().id()).isEqualTo("f01d52606dc8");
        }
        FixtureServer.Recorded sent = server.requests().get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/api/v1/keys");
        assertThat(sent.body()).isEqualTo("{\"name\":\"My Production Key\",\"limit\":100,\"limit_reset\":\"monthly\","
                + "\"expires_at\":\"2027-12-31T23:59:59Z\"}");
        assertThat(sent.header("Idempotency-Key")).isEmpty();
    }

    @Test
    void aCreateAnswerWithoutTheKeyIsAProtocolError() {
        server.enqueue(Reply.json(201, "{\"data\":" + KEY + "}"));

        assertThatThrownBy(() -> client.createKey(new NewKeyRequest("x", List.of(), null, null), "idem"))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.kind()).isEqualTo(Kind.PROTOCOL));
        assertThat(server.requests().get(0).body()).isEqualTo("{\"name\":\"x\"}");
    }

    @Test
    void renameDisableAndLimitArePatchesOfTheKeyByHash() throws Exception {
        server.enqueue(Reply.json(200, "{\"data\":" + KEY.replace("\"disabled\":false", "\"disabled\":true") + "}"),
                Reply.json(200, "{\"data\":" + KEY + "}"));

        ApiKey disabled = client.updateKey("f01d52606dc8", new KeyUpdate("renamed", true));
        client.setLimit("f01d52606dc8", new OpenRouterLimit(new BigDecimal("75.5"), OpenRouterLimit.Reset.DAILY));

        assertThat(disabled.disabled()).isTrue();
        assertThat(server.requests()).extracting(FixtureServer.Recorded::method).containsExactly("PATCH", "PATCH");
        assertThat(server.requests().get(0).path()).isEqualTo("/api/v1/keys/f01d52606dc8");
        assertThat(server.requests().get(0).body()).isEqualTo("{\"name\":\"renamed\",\"disabled\":true}");
        assertThat(server.requests().get(1).body()).isEqualTo("{\"limit\":75.5,\"limit_reset\":\"daily\"}");
    }

    @Test
    void revokeDeletesTheKeyAndTokenInfoReadsTheCurrentKey() throws Exception {
        server.enqueue(Reply.json(200, "{\"deleted\":true}").withHeader("X-Request-ID", "req_del"),
                Reply.json(200, "{\"data\":{\"label\":\"sk-or-v1-au7...890\",\"is_management_key\":true,"
                        + "\"expires_at\":null,\"usage\":0}}"));

        var result = client.revokeKey("f01d52606dc8");
        var token = client.tokenInfo();

        assertThat(result.revoked()).isTrue();
        assertThat(result.requestId()).isEqualTo("req_del");
        assertThat(server.requests().get(0).method()).isEqualTo("DELETE");
        assertThat(server.requests().get(0).path()).isEqualTo("/api/v1/keys/f01d52606dc8");
        assertThat(server.requests().get(1).path()).isEqualTo("/api/v1/key");
        assertThat(token.subject()).isEqualTo("sk-or-v1-au7...890 (management key)");
    }

    @Test
    void openRoutersErrorObjectWithNumericCodeBecomesAReadableError() {
        server.enqueue(Reply.json(401, "{\"error\":{\"code\":401,\"message\":\"No auth credentials found\"}}")
                .withHeader("X-Request-ID", "req_or"));

        assertThatThrownBy(() -> client.listKeys(null, 10, false))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNAUTHENTICATED);
                    assertThat(e.getMessage()).isEqualTo("No auth credentials found");
                    assertThat(e.code()).isNull();
                    assertThat(e.requestId()).isEqualTo("req_or");
                });
    }

    @Test
    void usageIsUnsupportedWithASentenceAndSendsNothing() {
        var query = new UsageQuery(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-01-02T00:00:00Z"),
                UsageBucket.DAY, null);

        assertThatThrownBy(() -> client.usage(query)).isInstanceOfSatisfying(GatewayException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED);
            assertThat(e.getMessage()).contains("no usage time series").contains("Usage columns");
        });
        assertThat(server.requests()).isEmpty();
    }

    /** What OpenRouter cannot do is refused before anything is sent. */
    @Test
    void rateLimitsAndScopesAreRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> client.updateKey("abc", new io.keydeck.model.KeyUpdate(null, null, null,
                new io.keydeck.model.RateLimits(60L, null), null, null))).hasMessageContaining("no rate limits");
        assertThatThrownBy(() -> client.updateKey("abc", io.keydeck.model.KeyUpdate.scopes(List.of("chat:write"))))
                .hasMessageContaining("no scopes");
        assertThatThrownBy(() -> client.createKey(new NewKeyRequest("x", List.of(), null, null, null,
                new io.keydeck.model.RateLimits(null, 1000L)), null)).hasMessageContaining("no rate limits");
        assertThat(server.requests()).isEmpty();
    }
}
