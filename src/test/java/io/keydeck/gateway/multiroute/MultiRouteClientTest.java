package io.keydeck.gateway.multiroute;

import io.keydeck.gateway.AdminToken;
import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayDriver;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.GatewayException.Kind;
import io.keydeck.gateway.GatewayTarget;
import io.keydeck.gateway.fixture.FixtureServer;
import io.keydeck.gateway.fixture.FixtureServer.Reply;
import io.keydeck.gateway.fixture.RecordingSleeper;
import io.keydeck.gateway.http.SecretAlreadyShownException;
import io.keydeck.model.ApiKey;
import io.keydeck.model.AuthEvent;
import io.keydeck.model.AuthEventQuery;
import io.keydeck.model.Capability;
import io.keydeck.model.IssuedSecret;
import io.keydeck.model.KeyEnvironment;
import io.keydeck.model.KeyUpdate;
import io.keydeck.model.NewKeyRequest;
import io.keydeck.model.Page;
import io.keydeck.model.UsageBucket;
import io.keydeck.model.UsageQuery;
import io.keydeck.model.UsageSeries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The MultiRoute driver against scripted answers: mapping, paging and the create contract. */
class MultiRouteClientTest {
    private FixtureServer server;
    private GatewayClient client;

    @BeforeEach
    void start() throws Exception {
        server = FixtureServer.start();
        client = new MultiRouteDriver(new RecordingSleeper().options())
                .connect(new GatewayTarget(server.baseUrl(), AdminToken.of("mrk_admin_x")));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void theDriverIsFoundByServiceLoaderWithEveryCapability() {
        GatewayDriver driver = GatewayDriver.byId("multiroute").orElseThrow();

        assertThat(driver.displayName()).isEqualTo("MultiRoute");
        assertThat(driver.capabilities()).containsExactlyInAnyOrder(Capability.values());
        assertThat(driver.knownScopes()).contains("keys:manage", "usage:read", "chat:write");
        assertThat(driver.secretEnvironmentVariable()).isEqualTo("MULTIROUTE_API_KEY");
    }

    @Test
    void thePlainDocumentedListWithoutCursorsNullsAndUnknownFieldsIsMapped() throws Exception {
        server.enqueue(Reply.json(200, """
                {"object":"list","data":[
                  {"id":"key_1","name":"ci","prefix":"mrk_live_","last_four":"a1b2","environment":"live",
                   "scopes":["chat:write"],"created_at":"2025-01-02T03:04:05Z","last_used_at":null,
                   "expires_at":null,"revoked":false,"team":"infra","limits":{"rpm":60}},
                  {"id":"key_2"}
                ]}"""));

        Page<ApiKey> page = client.listKeys(null, 100, true);

        assertThat(page.hasMore()).isFalse();
        ApiKey first = page.items().get(0);
        assertThat(first.hint()).isEqualTo("mrk_live_…a1b2");
        assertThat(first.environment()).isEqualTo(KeyEnvironment.LIVE);
        assertThat(first.scopes()).containsExactly("chat:write");
        assertThat(first.createdAt()).isEqualTo(Instant.parse("2025-01-02T03:04:05Z"));
        assertThat(first.lastUsedAt()).isNull();
        assertThat(first.attributes()).containsEntry("team", "infra").doesNotContainKey("limits");
        ApiKey bare = page.items().get(1);
        assertThat(bare.id()).isEqualTo("key_2");
        assertThat(bare.environment()).isEqualTo(KeyEnvironment.NONE);
        assertThat(bare.revoked()).isFalse();
        assertThat(server.requests().get(0).query()).isEqualTo("limit=100&include_revoked=true");
    }

    @Test
    void theDriverShowsTheEnvironmentOfADocumentedListNamedOnlyByPrefix() throws Exception {
        server.enqueue(Reply.json(200, """
                {"data":[{"id":"key_1","name":"prod","prefix":"mrk_live_","last_four":"a1b2","scopes":["inference"]},
                         {"id":"key_2","name":"staging","prefix":"mrk_test_","last_four":"c3d4","scopes":["inference"]}]}"""));

        List<ApiKey> keys = client.listKeys(null, 100, false).items();

        assertThat(keys).extracting(ApiKey::environment).containsExactly(KeyEnvironment.LIVE, KeyEnvironment.TEST);
        assertThat(keys.get(0).scopes()).containsExactly("inference");
    }

    @Test
    void theDriverNamesADocumentedCreateAnswerWithoutPrefixOrLastFourFromItsSecret() throws Exception {
        server.enqueue(Reply.json(201, """
                {"id":"key_9","name":"ci","scopes":["inference"],"secret":"mrk_live_0123456789abcdefghijWXYZ"}"""));

        try (IssuedSecret issued = client.createKey(new NewKeyRequest("ci", List.of("inference"), null, null), "i")) {
            assertThat(issued.key().hint()).isEqualTo("mrk_live_…WXYZ");
            assertThat(issued.key().environment()).isEqualTo(KeyEnvironment.LIVE);
        }
        assertThat(server.requests().get(0).body()).contains("\"scopes\":[\"inference\"]");
    }

    @Test
    void listingAllKeysFollowsCursorsUntilHasMoreIsFalse() throws Exception {
        server.enqueue(
                Reply.json(200, "{\"data\":[{\"id\":\"k1\"},{\"id\":\"k2\"}],\"has_more\":true,\"next_cursor\":\"c1\"}"),
                Reply.json(200, "{\"data\":[{\"id\":\"k3\"}],\"has_more\":true}"),
                Reply.json(200, "{\"data\":[{\"id\":\"k4\"}],\"has_more\":false,\"next_cursor\":\"ignored\"}"));
        List<Integer> progress = new java.util.ArrayList<>();

        List<ApiKey> all = client.listAllKeys(false, progress::add);

        assertThat(all).extracting(ApiKey::id).containsExactly("k1", "k2", "k3", "k4");
        assertThat(progress).containsExactly(2, 3, 4);
        assertThat(server.requests()).extracting(FixtureServer.Recorded::query)
                .containsExactly("limit=1000", "limit=1000&after=c1", "limit=1000&after=k3");
    }

    @Test
    void aGatewayRepeatingItsCursorIsStoppedWithAClearError() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(Reply.json(200, "{\"data\":[{\"id\":\"k" + i + "\"}],\"has_more\":true,\"next_cursor\":\"same\"}"));
        }

        assertThatThrownBy(() -> client.listAllKeys(false, n -> { }))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.PROTOCOL);
                    assertThat(e.getMessage()).contains("same page cursor twice");
                });
    }

    @Test
    void aKeyWithoutIdOrAListWithoutDataIsAProtocolError() {
        server.enqueue(Reply.json(200, "{\"data\":[{\"name\":\"x\"}]}"), Reply.json(200, "{\"keys\":[]}"));

        assertThatThrownBy(() -> client.listKeys(null, 10, false))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.kind()).isEqualTo(Kind.PROTOCOL));
        assertThatThrownBy(() -> client.listKeys(null, 10, false))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.getMessage()).contains("\"data\""));
    }

    @Test
    void createSendsTheRequestWithIdempotencyKeyAndReturnsTheSecretOnce() throws Exception {
        server.enqueue(Reply.json(201, """
                {"id":"key_9","name":"deploy","prefix":"mrk_test_","last_four":"WXYZ","environment":"test",
                 "scopes":["chat:write","models:read"],"secret":"mrk_test_abcdefghijklmnopqrstuvwxyzABWXYZ"}""")
                .withHeader("X-Request-ID", "req_c"));
        NewKeyRequest request = new NewKeyRequest("deploy", List.of("chat:write", "models:read"), KeyEnvironment.TEST,
                Instant.parse("2026-01-01T00:00:00Z"));

        try (IssuedSecret issued = client.createKey(request, "idem-7")) {
            assertThat(new String(issued.secret())).isEqualTo("mrk_test_abcdefghijklmnopqrstuvwxyzABWXYZ");
            assertThat(issued.key().id()).isEqualTo("key_9");
            assertThat(issued.key().attributes()).doesNotContainKey("secret");
            assertThat(issued.toString()).doesNotContain("abcdefgh");
        }
        FixtureServer.Recorded sent = server.requests().get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.header("Idempotency-Key")).contains("idem-7");
        assertThat(sent.body()).contains("\"name\":\"deploy\"", "\"environment\":\"test\"",
                "\"scopes\":[\"chat:write\",\"models:read\"]", "\"expires_at\":\"2026-01-01T00:00:00Z\"");
    }

    @Test
    void aReplayedCreateWithoutSecretIsReportedWithTheExistingKey() {
        server.enqueue(Reply.json(200, "{\"id\":\"key_9\",\"name\":\"deploy\",\"prefix\":\"mrk_live_\",\"last_four\":\"WXYZ\"}"));

        assertThatThrownBy(() -> client.createKey(new NewKeyRequest("deploy", List.of(), null, null), "idem-7"))
                .isInstanceOfSatisfying(SecretAlreadyShownException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.PROTOCOL);
                    assertThat(e.key().id()).isEqualTo("key_9");
                    assertThat(e.getMessage()).contains("mrk_live_…WXYZ").contains("only once");
                });
    }

    @Test
    void updateSendsOnlyTheChangedFieldsAsPatch() throws Exception {
        server.enqueue(Reply.json(200, "{\"id\":\"key/1\",\"name\":\"renamed\",\"disabled\":true}"));

        ApiKey key = client.updateKey("key/1", new KeyUpdate("renamed", true));

        assertThat(key.name()).isEqualTo("renamed");
        assertThat(key.disabled()).isTrue();
        FixtureServer.Recorded sent = server.requests().get(0);
        assertThat(sent.method()).isEqualTo("PATCH");
        assertThat(sent.path()).isEqualTo("/v1/api-keys/key%2F1");
        assertThat(sent.body()).isEqualTo("{\"name\":\"renamed\",\"disabled\":true}");
    }

    @Test
    void revokeReportsTheGatewaysAnswerAndRequestId() throws Exception {
        server.enqueue(Reply.json(200, "{\"status\":\"ok\",\"id\":\"key_1\",\"revoked\":true}")
                .withHeader("X-Request-ID", "req_r"));

        var result = client.revokeKey("key_1");

        assertThat(result.keyId()).isEqualTo("key_1");
        assertThat(result.revoked()).isTrue();
        assertThat(result.requestId()).isEqualTo("req_r");
        assertThat(server.requests().get(0).method()).isEqualTo("DELETE");
    }

    @Test
    void revokingAnUnknownKeyIsNotFound() {
        server.enqueue(Reply.json(404, "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"not_found\","
                + "\"message\":\"No key key_x\",\"request_id\":\"req_404\"}}"));

        assertThatThrownBy(() -> client.revokeKey("key_x"))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
                    assertThat(e.code()).isEqualTo("not_found");
                    assertThat(e.requestId()).isEqualTo("req_404");
                });
    }

    @Test
    void usageIsStreamedIntoPointsAndTheQueryIsSent() throws Exception {
        StringBuilder body = new StringBuilder("{\"object\":\"usage\",\"data\":[");
        for (int i = 0; i < 5000; i++) {
            body.append(i == 0 ? "" : ",").append("{\"key_id\":\"k").append(i % 7).append("\",\"bucket_start\":\"")
                    .append(Instant.parse("2025-01-01T00:00:00Z").plusSeconds(3600L * i))
                    .append("\",\"requests\":").append(i).append(",\"input_tokens\":10,\"output_tokens\":20,\"errors\":1}");
        }
        server.enqueue(Reply.json(200, body.append("],\"meta\":{\"x\":[1,2]}}").toString()));
        UsageQuery query = new UsageQuery(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-08-01T00:00:00Z"),
                UsageBucket.HOUR, "k3");

        UsageSeries series = client.usage(query);

        assertThat(series.points()).hasSize(5000);
        assertThat(series.points().get(4999).requests()).isEqualTo(4999);
        assertThat(series.points().stream().mapToLong(p -> p.requests()).sum()).isEqualTo(4999L * 5000 / 2);
        assertThat(server.requests().get(0).query())
                .isEqualTo("start=2025-01-01T00%3A00%3A00Z&end=2025-08-01T00%3A00%3A00Z&bucket=hour&key_id=k3");
    }

    @Test
    void authEventsSendEveryFilterAndMapTheKeyHint() throws Exception {
        server.enqueue(Reply.json(200, """
                {"data":[{"id":"ae_1","occurred_at":"2025-02-01T10:00:00Z","status":401,"type":"authentication_error",
                  "code":"invalid_api_key","message":"bad key","request_id":"req_a","key_hint":{"prefix":"mrk_live_","last_four":"Zz9Q"},
                  "key_id":null,"client_ip":"203.0.113.7","user_agent":"curl/8","method":"POST","path":"/v1/chat/completions"}],
                 "has_more":true,"next_cursor":"cur_2"}"""));
        AuthEventQuery query = new AuthEventQuery(Instant.parse("2025-02-01T00:00:00Z"), Instant.parse("2025-02-02T00:00:00Z"),
                401, "invalid_api_key", 50, "cur_1");

        Page<AuthEvent> page = client.authEvents(query);

        AuthEvent event = page.items().get(0);
        assertThat(event.keyHint()).isEqualTo("mrk_live_…Zz9Q");
        assertThat(event.status()).isEqualTo(401);
        assertThat(event.clientIp()).isEqualTo("203.0.113.7");
        assertThat(event.keyId()).isNull();
        assertThat(page.nextCursor()).isEqualTo("cur_2");
        assertThat(server.requests().get(0).query()).isEqualTo("since=2025-02-01T00%3A00%3A00Z"
                + "&until=2025-02-02T00%3A00%3A00Z&limit=50&after=cur_1&status=401&code=invalid_api_key");
    }

    @Test
    void tokenInfoAcceptsScopesAsListOrAsJwtStyleString() throws Exception {
        server.enqueue(Reply.json(200, "{\"subject\":\"ops\",\"scopes\":[\"keys:read\"],\"expires_at\":null}"),
                Reply.json(200, "{\"subject\":\"ci\",\"scope\":\"keys:read usage:read\",\"expires_at\":1767225600}"));

        assertThat(client.tokenInfo().scopes()).containsExactly("keys:read");
        var second = client.tokenInfo();
        assertThat(second.scopes()).containsExactly("keys:read", "usage:read");
        assertThat(second.expiresAt()).isEqualTo(Instant.ofEpochSecond(1767225600));
    }

    @Test
    void anUnreadableTimestampNamesTheField() {
        server.enqueue(Reply.json(200, "{\"data\":[{\"id\":\"k\",\"created_at\":\"yesterday\"}]}"));

        assertThatThrownBy(() -> client.listKeys(null, 10, false))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.getMessage()).contains("created_at"));
    }

    @Test
    void timesWithFractionsOffsetsOrEpochSecondsAllRead() throws Exception {
        server.enqueue(Reply.json(200, """
                {"data":[{"id":"k","created_at":"2025-01-02T03:04:05.5Z","last_used_at":"2025-01-02T03:04:05.123456789Z",
                  "expires_at":"2025-01-02T05:04:05+02:00","revoked_at":1735787045}]}"""));

        ApiKey key = client.listKeys(null, 10, true).items().get(0);

        assertThat(key.createdAt()).isEqualTo(Instant.parse("2025-01-02T03:04:05.500Z"));
        assertThat(key.lastUsedAt()).isEqualTo(Instant.parse("2025-01-02T03:04:05.123456789Z"));
        assertThat(key.expiresAt()).isEqualTo(Instant.parse("2025-01-02T03:04:05Z"));
        assertThat(key.revokedAt()).isEqualTo(Instant.parse("2025-01-02T03:04:05Z"));
    }

    @Test
    void anImpossibleDateIsAProtocolErrorNotAGuess() {
        server.enqueue(Reply.json(200, "{\"data\":[{\"id\":\"k\",\"expires_at\":\"2025-02-30T00:00:00Z\"}]}"));

        assertThatThrownBy(() -> client.listKeys(null, 10, false))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.getMessage()).contains("expires_at"));
    }
}
