package io.keydeck.gateway.anthropic;

import io.keydeck.gateway.AdminToken;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.GatewayException.Kind;
import io.keydeck.gateway.GatewayTarget;
import io.keydeck.gateway.fixture.FixtureServer;
import io.keydeck.gateway.fixture.FixtureServer.Reply;
import io.keydeck.gateway.fixture.RecordingSleeper;
import io.keydeck.model.ApiKey;
import io.keydeck.model.KeyOwner;
import io.keydeck.model.OwnerKind;
import io.keydeck.model.KeyStatus;
import io.keydeck.model.KeyUpdate;
import io.keydeck.model.NewKeyRequest;
import io.keydeck.model.UsageBucket;
import io.keydeck.model.UsagePoint;
import io.keydeck.model.UsageQuery;
import io.keydeck.review.ReviewInput;
import io.keydeck.review.ReviewRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Anthropic Admin API driver against answers shaped as Anthropic documents them. */
class AnthropicClientTest {
    private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");

    private FixtureServer server;
    private AnthropicClient client;

    @BeforeEach
    void start() throws Exception {
        server = FixtureServer.start();
        client = new AnthropicDriver(new RecordingSleeper().options())
                .connect(new GatewayTarget(server.baseUrl(), AdminToken.of("sk-ant-admin01-secretsecretsecret")));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    static final String ORGANIZATION = "{\"id\":\"12345678-1234\",\"name\":\"Acme\",\"type\":\"organization\"}";

    /**
     * A key as the Admin API answers it today (the official SDK's {@code BetaApiKey}): the workspace nested in
     * {@code scope}, the deprecated top-level {@code workspace_id} beside it.
     */
    static String key(String id, String status) {
        return "{\"id\":\"" + id + "\",\"type\":\"api_key\",\"name\":\"Developer Key\",\"status\":\"" + status + "\","
                + "\"partial_key_hint\":\"sk-ant-api03-R2D...igAA\",\"created_at\":\"2024-10-30T23:58:27.427722Z\","
                + "\"created_by\":{\"id\":\"user_01WCz\",\"type\":\"user\"},\"expires_at\":null,\"principal\":null,"
                + "\"scope\":{\"type\":\"workspace\",\"workspace_id\":\"wrkspc_01Jw\"},\"workspace_id\":\"wrkspc_01Jw\"}";
    }

    /** In the default workspace: the deprecated top-level {@code workspace_id} is null, {@code scope} has the real id. */
    static final String DEFAULT_WORKSPACE_KEY = """
            {"id":"apikey_4","type":"api_key","name":"Default ws","status":"active","partial_key_hint":"sk-ant-api03-Abc...wxyz",
             "created_at":"2025-01-02T03:04:05Z","created_by":{"id":"user_01WCz","type":"user"},"expires_at":null,
             "principal":{"type":"user_actor","user_id":"user_01WCz"},
             "scope":{"type":"workspace","workspace_id":"wrkspc_01Default"},"workspace_id":null}""";
    /** Bound to a service account, with no workspace at all. */
    static final String ORGANIZATION_SCOPED_KEY = """
            {"id":"apikey_5","type":"api_key","name":"Org bot","status":"active","partial_key_hint":"sk-ant-api03-Org...bot1",
             "created_at":"2025-01-02T03:04:05Z","created_by":{"id":"svac_01Bot","type":"service_account"},"expires_at":null,
             "principal":{"type":"service_account_actor","service_account_id":"svac_01Bot"},
             "scope":{"type":"organization"},"workspace_id":null}""";
    /** Past its {@code expires_at}: Anthropic says {@code expired}. */
    static final String EXPIRED_KEY = """
            {"id":"apikey_6","type":"api_key","name":"Old","status":"expired","partial_key_hint":"sk-ant-api03-Old...old1",
             "created_at":"2025-01-02T03:04:05Z","created_by":null,"expires_at":"2025-05-01T00:00:00Z","principal":null,
             "scope":{"type":"workspace","workspace_id":"wrkspc_01Jw"},"workspace_id":"wrkspc_01Jw"}""";

    /** A workspace as the official SDK's {@code BetaWorkspace} has it. */
    static String workspace(String id, String name) {
        return "{\"id\":\"" + id + "\",\"type\":\"workspace\",\"name\":\"" + name + "\","
                + "\"created_at\":\"2024-10-30T23:58:27.427722Z\",\"archived_at\":null,\"display_color\":\"#6C5BB9\","
                + "\"compartment_id\":\"cmpt_01\",\"external_key_id\":null,\"tags\":{},"
                + "\"data_residency\":{\"workspace_geo\":\"us\",\"allowed_inference_geos\":\"unrestricted\","
                + "\"default_inference_geo\":\"global\"}}";
    }

    /** A member as the official SDK's {@code BetaOrganizationUser} has it. */
    static String member(String id, String email) {
        return "{\"id\":\"" + id + "\",\"type\":\"user\",\"email\":\"" + email + "\",\"name\":\"Ada Lovelace\","
                + "\"role\":\"developer\",\"added_at\":\"2024-10-30T23:58:27.427722Z\"}";
    }

    /** One list page the way the Admin API pages: {@code data}, {@code has_more}, {@code first_id}, {@code last_id}. */
    static String page(boolean hasMore, String lastId, String... items) {
        return "{\"data\":[" + String.join(",", items) + "],\"has_more\":" + hasMore + ",\"first_id\":"
                + (lastId == null ? "null" : "\"x\"") + ",\"last_id\":" + (lastId == null ? "null" : "\"" + lastId + "\"") + "}";
    }

    /** What a listing reads before the keys: the workspaces, then the organization's members. */
    private void enqueueDirectory() {
        server.enqueue(Reply.json(200, page(false, "wrkspc_01Jw", workspace("wrkspc_01Jw", "Production"))),
                Reply.json(200, page(false, "user_01WCz", member("user_01WCz", "ada@example.com"))));
    }

    @Test
    void authenticatesWithXApiKeyAndVersionHeaderNeverBearer() throws Exception {
        enqueueDirectory();
        server.enqueue(Reply.json(200, "{\"data\":[],\"has_more\":false,\"first_id\":null,\"last_id\":null}"));

        client.listKeys(null, 20, false);

        assertThat(server.requests()).extracting(r -> r.path() + "?" + r.decodedQuery()).containsExactly(
                "/v1/organizations/workspaces?limit=1000&include_archived=true",
                "/v1/organizations/users?limit=1000",
                "/v1/organizations/api_keys?limit=20");
        for (FixtureServer.Recorded sent : server.requests()) {
            assertThat(sent.header("x-api-key")).contains("sk-ant-admin01-secretsecretsecret");
            assertThat(sent.header("anthropic-version")).contains("2023-06-01");
            assertThat(sent.header("Authorization")).isEmpty();
        }
    }

    @Test
    void keysMapStatusToDisabledAndRevokedAndPageByLastId() throws Exception {
        enqueueDirectory();
        server.enqueue(
                Reply.json(200, "{\"data\":[" + key("apikey_1", "active") + "," + key("apikey_2", "inactive")
                        + "],\"has_more\":true,\"first_id\":\"apikey_1\",\"last_id\":\"apikey_2\"}"),
                Reply.json(200, "{\"data\":[" + key("apikey_3", "archived") + "],\"has_more\":false,"
                        + "\"first_id\":\"apikey_3\",\"last_id\":\"apikey_3\"}"));

        List<ApiKey> all = client.listAllKeys(false, n -> { });

        assertThat(all).extracting(ApiKey::id).containsExactly("apikey_1", "apikey_2");
        ApiKey first = all.get(0);
        assertThat(first.hint()).isEqualTo("sk-ant-api03-R2D…igAA");
        assertThat(first.createdAt()).isEqualTo(Instant.parse("2024-10-30T23:58:27.427722Z"));
        assertThat(first.attributes()).containsExactly(Map.entry("Status", "active"));
        assertThat(first.account().owners()).containsExactly(
                new KeyOwner(OwnerKind.USER, "user_01WCz", "ada@example.com", true),
                new KeyOwner(OwnerKind.WORKSPACE, "wrkspc_01Jw", "Production"));
        assertThat(first.account().ownerText()).isEqualTo("user ada@example.com, workspace Production");
        assertThat(all.get(1).status(NOW)).isEqualTo(KeyStatus.DISABLED);
        assertThat(server.requests()).hasSize(4);
        assertThat(server.requests().get(3).query()).isEqualTo("limit=100&after_id=apikey_2");
    }

    @Test
    void theWorkspaceComesFromTheNestedScopeAndAnExpiredKeyShowsAsExpired() throws Exception {
        enqueueDirectory();
        server.enqueue(Reply.json(200, "{\"data\":[" + DEFAULT_WORKSPACE_KEY + "," + ORGANIZATION_SCOPED_KEY + ","
                + EXPIRED_KEY + "],\"has_more\":false,\"first_id\":\"apikey_4\",\"last_id\":\"apikey_6\"}"));

        List<ApiKey> keys = client.listKeys(null, 10, false).items();

        assertThat(keys).extracting(k -> k.account().ownerText()).containsExactly(
                "user ada@example.com, workspace wrkspc_01Default", // a workspace the list did not name keeps its id
                "service account svac_01Bot", // bound to the organization: no workspace
                "workspace Production"); // no principal and no recorded creator
        assertThat(keys.get(1).account().owner().orElseThrow().member()).isNull();
        assertThat(keys).extracting(k -> k.status(NOW))
                .containsExactly(KeyStatus.ACTIVE, KeyStatus.ACTIVE, KeyStatus.EXPIRED);
    }

    @Test
    void archivedKeysAreShownAsRevokedWhenAskedFor() throws Exception {
        enqueueDirectory();
        server.enqueue(Reply.json(200, "{\"data\":[" + key("apikey_3", "archived") + "],\"has_more\":false}"));

        ApiKey archived = client.listKeys(null, 10, true).items().get(0);

        assertThat(archived.status(NOW)).isEqualTo(KeyStatus.REVOKED);
    }

    @Test
    void aKeyWhoseUserIsNoLongerAMemberSaysItsOwnerLeft() throws Exception {
        server.enqueue(Reply.json(200, page(false, "wrkspc_01Jw", workspace("wrkspc_01Jw", "Production"))),
                Reply.json(200, page(false, "user_01Other", member("user_01Other", "bob@example.com"))),
                Reply.json(200, page(false, "apikey_1", key("apikey_1", "active"))));

        ApiKey key = client.listKeys(null, 10, false).items().get(0);

        assertThat(key.account().owner()).hasValue(new KeyOwner(OwnerKind.USER, "user_01WCz", null, false));
        assertThat(ReviewRules.review(new ReviewInput("Anthropic", false, List.of(key), List.of(), null), NOW))
                .filteredOn(f -> f.ruleId().equals("owner-left")).singleElement()
                .satisfies(f -> assertThat(f.reason()).startsWith("Owned by user user_01WCz, who is no longer a member"));
    }

    @Test
    void workspacesAndMembersArePagedByLastIdBeforeTheKeys() throws Exception {
        server.enqueue(Reply.json(200, page(true, "wrkspc_01Jw", workspace("wrkspc_01Jw", "Production"))),
                Reply.json(200, page(false, "wrkspc_02", workspace("wrkspc_02", "Staging"))),
                Reply.json(200, page(true, "user_01WCz", member("user_01WCz", "ada@example.com"))),
                Reply.json(200, page(false, null)),
                Reply.json(200, page(false, "apikey_1", key("apikey_1", "active").replace("wrkspc_01Jw", "wrkspc_02"))));

        ApiKey key = client.listKeys(null, 10, false).items().get(0);

        assertThat(key.account().ownerText()).isEqualTo("user ada@example.com, workspace Staging");
        assertThat(server.requests()).extracting(r -> r.path() + "?" + r.decodedQuery()).containsExactly(
                "/v1/organizations/workspaces?limit=1000&include_archived=true",
                "/v1/organizations/workspaces?limit=1000&after_id=wrkspc_01Jw&include_archived=true",
                "/v1/organizations/users?limit=1000",
                "/v1/organizations/users?limit=1000&after_id=user_01WCz",
                "/v1/organizations/api_keys?limit=10");
    }

    @Test
    void listsAnthropicRefusesOrLacksLeaveOwnersByIdAndWhetherTheyLeftUnknown() throws Exception {
        server.enqueue(Reply.json(403, "{\"type\":\"error\",\"error\":{\"type\":\"permission_error\","
                        + "\"message\":\"Not allowed.\"}}"),
                Reply.json(404, "{\"type\":\"error\",\"error\":{\"type\":\"not_found_error\",\"message\":\"No.\"}}"),
                Reply.json(200, page(false, "apikey_1", key("apikey_1", "active"))));

        ApiKey key = client.listKeys(null, 10, false).items().get(0);

        assertThat(key.account().owners()).containsExactly(new KeyOwner(OwnerKind.USER, "user_01WCz", null, null),
                new KeyOwner(OwnerKind.WORKSPACE, "wrkspc_01Jw", null));
    }

    @Test
    void workspacePagesThatBringNothingNewWhileSayingThereAreMoreStopTheListing() {
        for (int i = 1; i <= 20; i++) {
            server.enqueue(Reply.json(200, page(true, "wrkspc_" + i)));
        }

        assertThatThrownBy(() -> client.listKeys(null, 10, false)).isInstanceOfSatisfying(GatewayException.class, e -> {
            assertThat(e.code()).isEqualTo("no_progress");
            assertThat(e.getMessage()).contains("3 pages in a row with no new Anthropic workspaces");
        });
        assertThat(server.requests()).hasSize(3).allSatisfy(r ->
                assertThat(r.path()).isEqualTo("/v1/organizations/workspaces"));
    }

    @Test
    void renameAndDisableAreOnePostWithNameAndStatus() throws Exception {
        server.enqueue(Reply.json(200, key("apikey_1", "inactive").replace("Developer Key", "renamed")));

        ApiKey updated = client.updateKey("apikey_1", new KeyUpdate("renamed", true));

        assertThat(updated.name()).isEqualTo("renamed");
        assertThat(updated.disabled()).isTrue();
        FixtureServer.Recorded sent = server.requests().get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/v1/organizations/api_keys/apikey_1");
        assertThat(sent.body()).isEqualTo("{\"name\":\"renamed\",\"status\":\"inactive\"}");
    }

    @Test
    void revokeArchivesTheKey() throws Exception {
        server.enqueue(Reply.json(200, key("apikey_1", "archived")).withHeader("request-id", "req_arch"));

        var result = client.revokeKey("apikey_1");

        assertThat(result.revoked()).isTrue();
        assertThat(result.requestId()).isEqualTo("req_arch");
        assertThat(server.requests().get(0).body()).isEqualTo("{\"status\":\"archived\"}");
    }

    @Test
    void creatingSaysWhereKeysAreMadeAndSendsNothing() {
        assertThatThrownBy(() -> client.createKey(new NewKeyRequest("x", List.of(), null, null), "i"))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED);
                    assertThat(e.getMessage()).isEqualTo(
                            "Anthropic's Admin API cannot create keys; create them in the Anthropic Console.");
                });
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void usageStopsWhenPagesStayEmptyWhileHasMoreSaysThereAreMore() {
        for (int i = 1; i <= 20; i++) {
            server.enqueue(Reply.json(200, "{\"data\":[],\"has_more\":true,\"next_page\":\"page_" + i + "\"}"));
        }
        UsageQuery query = new UsageQuery(Instant.parse("2025-05-01T00:00:00Z"), Instant.parse("2025-05-03T00:00:00Z"),
                UsageBucket.DAY, null);

        assertThatThrownBy(() -> client.usage(query)).isInstanceOfSatisfying(GatewayException.class, e -> {
            assertThat(e.code()).isEqualTo("no_progress");
            assertThat(e.getMessage()).contains("3 pages in a row with no new usage points");
        });
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void usageReportIsGroupedByKeyAndFollowsNextPage() throws Exception {
        server.enqueue(
                Reply.json(200, """
                        {"data":[{"starting_at":"2025-05-01T00:00:00Z","ending_at":"2025-05-02T00:00:00Z","results":[
                          {"api_key_id":"apikey_1","uncached_input_tokens":100,"cache_read_input_tokens":20,
                           "cache_creation":{"ephemeral_1h_input_tokens":3,"ephemeral_5m_input_tokens":2},
                           "output_tokens":50,"model":null}]}],
                         "has_more":true,"next_page":"page_MjAy"}"""),
                Reply.json(200, """
                        {"data":[{"starting_at":"2025-05-02T00:00:00Z","ending_at":"2025-05-03T00:00:00Z","results":[
                          {"api_key_id":"apikey_1","uncached_input_tokens":7,"output_tokens":1}]}],
                         "has_more":false,"next_page":null}"""));
        UsageQuery query = new UsageQuery(Instant.parse("2025-05-01T00:00:00Z"), Instant.parse("2025-05-03T00:00:00Z"),
                UsageBucket.DAY, "apikey_1");

        List<UsagePoint> points = client.usage(query).points();

        assertThat(points).containsExactly(
                new UsagePoint("apikey_1", Instant.parse("2025-05-01T00:00:00Z"), 0, 125, 50, 0),
                new UsagePoint("apikey_1", Instant.parse("2025-05-02T00:00:00Z"), 0, 7, 1, 0));
        assertThat(server.requests().get(0).path()).isEqualTo("/v1/organizations/usage_report/messages");
        assertThat(server.requests().get(0).decodedQuery()).isEqualTo("starting_at=2025-05-01T00:00:00Z"
                + "&ending_at=2025-05-03T00:00:00Z&bucket_width=1d&group_by[]=api_key_id&api_key_ids[]=apikey_1&limit=31");
        assertThat(server.requests().get(1).decodedQuery()).endsWith("&page=page_MjAy");
    }

    @Test
    void anthropicsErrorEnvelopeAndRequestIdHeaderAreReported() {
        enqueueDirectory();
        server.enqueue(Reply.json(403, "{\"type\":\"error\",\"error\":{\"type\":\"permission_error\","
                + "\"message\":\"This endpoint requires an Admin API key.\"}}").withHeader("request-id", "req_011CX"));

        assertThatThrownBy(() -> client.listKeys(null, 10, false))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.FORBIDDEN);
                    assertThat(e.code()).isEqualTo("permission_error");
                    assertThat(e.getMessage()).isEqualTo("This endpoint requires an Admin API key.");
                    assertThat(e.requestId()).isEqualTo("req_011CX");
                });
    }

    @Test
    void tokenInfoNamesTheOrganization() throws Exception {
        server.enqueue(Reply.json(200, ORGANIZATION));

        assertThat(client.tokenInfo().subject()).isEqualTo("Acme (12345678-1234)");
        assertThat(server.requests().get(0).path()).isEqualTo("/v1/organizations/me");
    }
}
