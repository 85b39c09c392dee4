package io.keydeck.gateway.litellm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keydeck.gateway.AdminToken;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.GatewayException.Kind;
import io.keydeck.gateway.GatewayTarget;
import io.keydeck.gateway.fixture.FixtureServer;
import io.keydeck.gateway.fixture.FixtureServer.Reply;
import io.keydeck.gateway.fixture.RecordingSleeper;
import io.keydeck.model.Amount;
import io.keydeck.model.ApiKey;
import io.keydeck.model.IssuedSecret;
import io.keydeck.model.KeyStatus;
import io.keydeck.model.KeyUpdate;
import io.keydeck.model.NewKeyRequest;
import io.keydeck.model.Page;
import io.keydeck.model.RevokeResult;
import io.keydeck.model.TokenInfo;
import io.keydeck.model.UsageBucket;
import io.keydeck.model.UsagePoint;
import io.keydeck.model.UsageQuery;
import io.keydeck.model.UsageSeries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The LiteLLM driver against answers derived from the proxy's own source, not from its docs (see
 * docs/drivers.md for the commits): {@code litellm/proxy/management_endpoints/key_management_endpoints.py}
 * at 00670428e1ec49f6f79eee1e58df7be472b719ab (and an older revision of it for the old behaviour) and
 * {@code litellm/proxy/spend_tracking/spend_management_endpoints.py} at a10a2273f97362706a5865538e278deca719822c,
 * and {@code litellm/litellm_core_utils/duration_parser.py} at 5de00c32d5c1ea9e8161f54ab299ae169d899ee0.
 * The request and answer models come from {@code litellm/proxy/_types.py}, which the source index holds only
 * at 00025c847316ae5d1e0d453e53d204e81f710c3e (not at 00670428); {@code PrismaClient.update_data} and
 * {@code is_valid_api_key} from {@code litellm/proxy/utils.py} at 00099957294f4aec857e64af8d0e4ccdf5474ebc.
 * The spend-log rows usage is priced from are {@code model LiteLLM_SpendLogs} of {@code schema.prisma} at
 * 029f645f1c81cbd6c6c48fbc8490d91da937066f ({@link #SPEND_LOG_COLUMNS}).
 * Where old and current proxies differ, both are tested.
 */
class LiteLlmAgainstItsSourceTest {
    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private static final String OLD_HASH = "837e17519f44a3c1d2e9b0f6a7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f80";
    private static final String NEW_SECRET = "sk-Fn8Ej39NxjAXrvpUGKghGw";

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

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * {@code list_keys} at 00670428: {@code page} ge=1, {@code size} ge=1 le=100 (default 10),
     * {@code return_full_object} for key objects instead of hashes, and the answer
     * {@code {"keys","total_count","current_page","total_pages"}}. A wider page would be a 422.
     */
    @Test
    void theKeyListIsAskedWithinTheSourcesBoundsAndPagesByItsPageFields() throws Exception {
        server.enqueue(Reply.json(200, """
                {"keys":[{"token":"%s","key_name":"sk-...Hw4x","key_alias":"backend","expires":null,"blocked":null}],
                 "total_count":101,"current_page":1,"total_pages":2}""".formatted(OLD_HASH)));

        Page<ApiKey> first = client.listKeys(null, 1000, false);

        assertThat(server.requests().get(0).query()).isEqualTo("page=1&size=100&return_full_object=true");
        assertThat(first.items()).extracting(ApiKey::id).containsExactly(OLD_HASH);
        assertThat(first.items().get(0).name()).isEqualTo("backend");
        assertThat(first.nextCursor()).isEqualTo("2");
    }

    /** {@code duration_in_seconds} (litellm_core_utils/duration_parser.py): {@code (\d+)(mo|[smhd]?)}, "s" = seconds. */
    private static long secondsAsTheProxyReadsThem(String duration) {
        Matcher m = Pattern.compile("(\\d+)(mo|[smhd]?)").matcher(duration);
        assertThat(m.lookingAt()).as("the proxy's duration pattern matches %s", duration).isTrue();
        long value = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> value;
            case "m" -> value * 60;
            case "h" -> value * 3600;
            case "d" -> value * 86400;
            default -> throw new AssertionError("the proxy refuses the unit of " + duration);
        };
    }

    /**
     * {@code generate_key_fn} turns {@code duration} into {@code expires} = now + {@code duration_in_seconds};
     * the key KeyDeck creates must expire when the user asked, as the proxy reads the string it is sent.
     */
    @Test
    void anExpiryIsSentAsADurationTheProxyReadsAsTheSameNumberOfSeconds() throws Exception {
        server.enqueue(Reply.json(200, "{\"key\":\"" + NEW_SECRET + "\",\"token\":\"" + OLD_HASH
                + "\",\"key_alias\":\"ci\",\"expires\":\"2025-03-31T12:00:00\"}"));
        Instant asked = NOW.plus(Duration.ofDays(30));

        try (IssuedSecret issued = client.createKey(new NewKeyRequest("ci", List.of(), null, asked), "unused")) {
            assertThat(new String(issued.secret())).isEqualTo(NEW_SECRET);
        }

        JsonNode sent = new ObjectMapper().readTree(server.requests().get(0).body());
        assertThat(NOW.plusSeconds(secondsAsTheProxyReadsThem(sent.get("duration").asText()))).isEqualTo(asked);
        assertThat(sent.get("key_alias").asText()).isEqualTo("ci");
    }

    /**
     * Current {@code regenerate_key_fn}: the updated row with {@code "key"} = new secret and
     * {@code updated_token_dict["token_id"] = updated_token_dict.pop("token")}, so GenerateKeyResponse
     * carries {@code "token": null}.
     */
    @Test
    void currentRegenerateAnswersTokenNullAndTheNewHashAsTokenIdAndTheSecretIsShown() throws Exception {
        String newHash = sha256(NEW_SECRET);
        server.enqueue(Reply.json(200, "{\"key_alias\":\"backend\",\"key_name\":\"sk-...ghGw\","
                + "\"spend\":1.5,\"max_budget\":10.0,\"expires\":null,\"models\":[],\"blocked\":null,"
                + "\"key\":\"" + NEW_SECRET + "\",\"token\":null,\"token_id\":\"" + newHash + "\"}"));

        try (IssuedSecret issued = client.regenerateKey(OLD_HASH)) {
            assertThat(new String(issued.secret())).isEqualTo(NEW_SECRET);
            assertThat(issued.key().id()).isEqualTo(newHash);
            assertThat(issued.key().hint()).isEqualTo("sk-…ghGw");
            assertThat(issued.key().name()).isEqualTo("backend");
        }
        assertThat(server.requests().get(0).path()).isEqualTo("/key/" + OLD_HASH + "/regenerate");
    }

    /**
     * Older {@code regenerate_key_fn}: {@code updated_token_dict["token"] = new_token}, i.e. the new
     * secret itself in {@code "token"} and no {@code token_id}. The id must be the hash, never the secret.
     */
    @Test
    void olderRegenerateSentTheSecretAsTokenAndTheIdIsItsHashNotTheSecret() throws Exception {
        server.enqueue(Reply.json(200, "{\"key\":\"" + NEW_SECRET + "\",\"token\":\"" + NEW_SECRET + "\","
                + "\"key_name\":\"sk-...ghGw\",\"key_alias\":null,\"expires\":null}"));

        try (IssuedSecret issued = client.regenerateKey(OLD_HASH)) {
            assertThat(issued.key().id()).isEqualTo(sha256(NEW_SECRET)).doesNotContain(NEW_SECRET);
            assertThat(issued.key().toString()).doesNotContain(NEW_SECRET);
        }
    }

    /** A 2xx whose other fields KeyDeck cannot read still hands on the secret: the proxy already replaced the key. */
    @Test
    void aRegenerateAnswerWithUnreadableFieldsStillShowsTheNewSecret() throws Exception {
        server.enqueue(Reply.json(200, "{\"key\":\"" + NEW_SECRET + "\",\"token\":null,\"expires\":\"not a time\"}"));

        try (IssuedSecret issued = client.regenerateKey(OLD_HASH)) {
            assertThat(new String(issued.secret())).isEqualTo(NEW_SECRET);
            assertThat(issued.key().id()).isEqualTo(sha256(NEW_SECRET));
        }
    }

    @Test
    void anEmptyKeyIdIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> client.regenerateKey("")).isInstanceOfSatisfying(GatewayException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST));
        assertThatThrownBy(() -> client.revokeKey(" ")).isInstanceOf(GatewayException.class);
        assertThat(server.requests()).isEmpty();
    }

    /**
     * {@code key_info_fn} without {@code ?key=} looks up the caller's own key; the master key is not in
     * the key table, so the proxy answers 404 {@code Key not found}. Test connection then proves the
     * token through {@code /key/list}, which needs a proxy admin.
     */
    @Test
    void testConnectionWithTheMasterKeySurvivesKeyInfosNotFound() throws Exception {
        server.enqueue(Reply.json(404, "{\"detail\":{\"error\":\"Key not found. Passed key=sk-...1234\"}}"),
                Reply.json(200, "{\"keys\":[\"" + OLD_HASH + "\"],\"total_count\":1,\"current_page\":1,\"total_pages\":1}"));

        TokenInfo info = client.tokenInfo();

        assertThat(info.subject()).isEqualTo("LiteLLM proxy admin (master key)");
        assertThat(info.scopes()).isEmpty();
        assertThat(server.requests()).extracting(r -> r.path() + "?" + r.query())
                .containsExactly("/key/info?null", "/key/list?page=1&size=1");
    }

    /**
     * Current {@code unblock_key}: {@code if data.key.startswith("sk-"): hash else: use as is}, answering
     * the updated row. Older proxies hashed the input unconditionally, so the hash was not found; the
     * driver then unblocks through {@code /key/update} with {@code "blocked": false}.
     */
    @Test
    void unblockFallsBackToKeyUpdateWhenAnOlderProxyHashedTheHashAgain() throws Exception {
        server.enqueue(Reply.json(404, "{\"error\":{\"message\":\"Key not found\",\"type\":\"bad_request_error\","
                        + "\"param\":\"key\",\"code\":\"404\"}}"),
                Reply.json(200, "{\"key\":\"" + OLD_HASH + "\"}"),
                Reply.json(200, "{\"key\":\"" + OLD_HASH + "\",\"info\":{\"token\":\"" + OLD_HASH + "\",\"blocked\":false}}"));

        ApiKey key = client.updateKey(OLD_HASH, KeyUpdate.disabled(false));

        assertThat(key.disabled()).isFalse();
        assertThat(server.requests()).extracting(r -> r.method() + " " + r.path())
                .containsExactly("POST /key/unblock", "POST /key/update", "GET /key/info");
        assertThat(server.requests().get(1).body()).isEqualTo("{\"key\":\"" + OLD_HASH + "\",\"blocked\":false}");
    }

    /**
     * {@code view_spend_logs} with dates and {@code summarize=false}: {@code find_many} rows ordered by
     * {@code startTime} desc, whose {@code startTime <= end_date} at midnight — so the current day is
     * only included when the next day is sent as {@code end_date}.
     */
    @Test
    void usageAsksForPerRequestRowsThroughTheEndOfTheCurrentDay() throws Exception {
        server.enqueue(Reply.json(200, """
                [{"request_id":"chatcmpl-2","call_type":"acompletion","api_key":"%1$s","spend":0.0002,
                  "total_tokens":30,"prompt_tokens":20,"completion_tokens":10,"startTime":"2025-03-01T11:40:00.120000Z",
                  "endTime":"2025-03-01T11:40:01.000000Z","model":"gpt-4o","user":"","team_id":null,"status":"success"},
                 {"request_id":"chatcmpl-1","call_type":"acompletion","api_key":"%1$s","spend":0.0,
                  "total_tokens":0,"prompt_tokens":7,"completion_tokens":0,"startTime":"2025-02-28T23:10:00.000000Z",
                  "endTime":"2025-02-28T23:10:00.500000Z","model":"gpt-4o","user":"","status":"failure"}]"""
                .formatted(OLD_HASH)));
        UsageQuery query = new UsageQuery(Instant.parse("2025-02-28T00:00:00Z"), NOW, UsageBucket.DAY, OLD_HASH);

        List<UsagePoint> points = client.usage(query).points();

        assertThat(points).containsExactly(
                new UsagePoint(OLD_HASH, Instant.parse("2025-02-28T00:00:00Z"), 1, 7, 0, 1),
                new UsagePoint(OLD_HASH, Instant.parse("2025-03-01T00:00:00Z"), 1, 20, 10, 0));
        assertThat(server.requests().get(0).query()).isEqualTo("api_key=" + OLD_HASH
                + "&start_date=2025-02-28&end_date=2025-03-02&summarize=false");
    }

    /**
     * The columns of {@code model LiteLLM_SpendLogs} in the proxy's {@code schema.prisma} at
     * 029f645f1c81cbd6c6c48fbc8490d91da937066f, in its order: one row per request, which {@code view_spend_logs} with
     * {@code summarize=false} answers as {@code find_many} returns them (every column, {@code spend} a
     * {@code Float @default(0.0)} — never null — next to the request's tokens and {@code status}).
     */
    static final List<String> SPEND_LOG_COLUMNS = List.of("request_id", "call_type", "api_key", "spend", "total_tokens",
            "prompt_tokens", "completion_tokens", "startTime", "endTime", "request_duration_ms", "completionStartTime",
            "model", "model_id", "model_group", "custom_llm_provider", "api_base", "user", "metadata", "cache_hit",
            "cache_key", "request_tags", "team_id", "organization_id", "end_user", "requester_ip_address", "messages",
            "response", "session_id", "status", "mcp_namespaced_tool_name", "agent_id", "proxy_server_request");

    /** One {@code LiteLLM_SpendLogs} row with every column of {@link #SPEND_LOG_COLUMNS}, defaults where unset. */
    private static ObjectNode spendLogRow(String requestId, String apiKeyHash, double spend, int prompt, int completion,
                                          String startTime, String status) {
        ObjectNode row = MAPPER.createObjectNode();
        row.put("request_id", requestId).put("call_type", "acompletion").put("api_key", apiKeyHash).put("spend", spend)
                .put("total_tokens", prompt + completion).put("prompt_tokens", prompt)
                .put("completion_tokens", completion).put("startTime", startTime).put("endTime", startTime)
                .put("request_duration_ms", 840).putNull("completionStartTime").put("model", "gpt-4o")
                .put("model_id", "").put("model_group", "gpt-4o").put("custom_llm_provider", "openai")
                .put("api_base", "").put("user", "");
        row.putObject("metadata");
        row.put("cache_hit", "").put("cache_key", "");
        row.putArray("request_tags");
        row.putNull("team_id");
        row.putNull("organization_id");
        row.putNull("end_user");
        row.putNull("requester_ip_address");
        row.putObject("messages");
        row.putObject("response");
        row.putNull("session_id");
        row.put("status", status);
        row.putNull("mcp_namespaced_tool_name");
        row.putNull("agent_id");
        row.putObject("proxy_server_request");
        return row;
    }

    private static String usd(UsagePoint point) {
        return point.cost().value().toPlainString() + " " + point.cost().unit();
    }

    /**
     * Each request's {@code spend} (what the proxy priced it at, in US dollars) is summed into the request's bucket,
     * hourly as well as daily, beside the tokens of the same rows; a refused request priced at 0.0 makes its bucket
     * cost $0, not unknown. Cost is only filled in when asked for, as for every gateway.
     */
    @Test
    void eachBucketCostsTheSumOfItsRequestsSpendHourlyAndDaily() throws Exception {
        String other = "9f0c2d0e4b1a5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d";
        List<ObjectNode> rows = List.of(
                spendLogRow("chatcmpl-4", OLD_HASH, 0.0002, 20, 10, "2025-03-01T11:40:00.120000Z", "success"),
                spendLogRow("chatcmpl-3", OLD_HASH, 0.00125, 300, 40, "2025-03-01T11:05:00.000000Z", "success"),
                spendLogRow("chatcmpl-2", OLD_HASH, 0.0, 7, 0, "2025-03-01T10:10:00.000000Z", "failure"),
                spendLogRow("chatcmpl-1", other, 0.5, 9000, 1200, "2025-03-01T10:01:00.000000Z", "success"));
        assertThat(rows).allSatisfy(r -> {
            List<String> columns = new ArrayList<>();
            r.fieldNames().forEachRemaining(columns::add);
            assertThat(columns).as("a LiteLLM_SpendLogs row as the schema declares it").isEqualTo(SPEND_LOG_COLUMNS);
        });
        String answer = MAPPER.writeValueAsString(rows);
        server.enqueue(Reply.json(200, answer), Reply.json(200, answer), Reply.json(200, answer));
        Instant from = Instant.parse("2025-03-01T10:00:00Z");

        List<UsagePoint> hourly = client.usage(new UsageQuery(from, NOW, UsageBucket.HOUR, null, true)).points();
        UsageSeries daily = client.usage(new UsageQuery(from.minus(Duration.ofHours(10)), NOW.plus(Duration.ofHours(12)),
                UsageBucket.DAY, null, true));
        List<UsagePoint> unasked = client.usage(new UsageQuery(from, NOW, UsageBucket.HOUR, null)).points();

        assertThat(hourly).extracting(p -> p.bucketStart() + " " + p.keyId().substring(0, 4) + " " + usd(p))
                .containsExactlyInAnyOrder("2025-03-01T10:00:00Z 837e 0 USD", "2025-03-01T10:00:00Z 9f0c 0.5 USD",
                        "2025-03-01T11:00:00Z 837e 0.00145 USD");
        assertThat(hourly).filteredOn(p -> p.keyId().equals(OLD_HASH) && p.errors() == 1)
                .singleElement().satisfies(p -> assertThat(p.cost()).isEqualTo(Amount.usd(0)));
        assertThat(daily.points()).extracting(p -> p.keyId().substring(0, 4) + " " + p.requests() + " " + usd(p))
                .containsExactlyInAnyOrder("837e 3 0.00145 USD", "9f0c 1 0.5 USD");
        assertThat(daily.costNote()).isNull();
        assertThat(unasked).allSatisfy(p -> assertThat(p.cost()).isNull());
    }

    /**
     * The summarized (legacy, default) answer: one row per date with {@code "startTime": date}, spend per
     * key hash, {@code users} and {@code models} — no tokens. A proxy that ignores {@code summarize=false}
     * answers this way; the driver then reads the key's per-request logs without dates.
     */
    @Test
    void aProxyThatOnlySummarizesIsAskedForTheKeysOwnLogsInstead() throws Exception {
        server.enqueue(Reply.json(200, ("[{\"users\":{\"\":0.0002},\"models\":{\"gpt-4o\":0.0002},\"spend\":0.0002,"
                        + "\"%1$s\":0.0002,\"startTime\":\"2025-03-01\"}]").formatted(OLD_HASH)),
                Reply.json(200, ("[{\"request_id\":\"r1\",\"api_key\":\"%1$s\",\"prompt_tokens\":3,\"completion_tokens\":4,"
                        + "\"startTime\":\"2025-03-01T08:00:00Z\",\"status\":\"success\"},"
                        + "{\"request_id\":\"r0\",\"api_key\":\"%1$s\",\"prompt_tokens\":9,\"completion_tokens\":9,"
                        + "\"startTime\":\"2025-01-01T08:00:00Z\"}]").formatted(OLD_HASH)));
        UsageQuery query = new UsageQuery(Instant.parse("2025-03-01T00:00:00Z"), NOW, UsageBucket.DAY, OLD_HASH);

        List<UsagePoint> points = client.usage(query).points();

        assertThat(points).containsExactly(new UsagePoint(OLD_HASH, Instant.parse("2025-03-01T00:00:00Z"), 1, 3, 4, 0));
        assertThat(server.requests().get(1).query()).isEqualTo("api_key=" + OLD_HASH);
    }

    @Test
    void aSummarizingProxyWithoutAChosenKeyIsASentenceNotAParseError() {
        server.enqueue(Reply.json(200, "[{\"users\":{},\"models\":{},\"spend\":0,\"startTime\":\"2025-03-01\"}]"));
        UsageQuery query = new UsageQuery(Instant.parse("2025-03-01T00:00:00Z"), NOW, UsageBucket.DAY, null);

        assertThatThrownBy(() -> client.usage(query)).isInstanceOfSatisfying(GatewayException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED);
            assertThat(e.getMessage()).contains("daily spend totals").contains("Choose one key");
        });
    }

    /**
     * {@code GenerateKeyResponse} ({@code _types.py} at 00025c84): {@code key} required; {@code key_name},
     * {@code expires}, {@code token_id}, {@code token}, {@code created_at} optional. A create at 00670428 sends the
     * hash in both {@code token} and {@code token_id} (tests below); {@code "token": null} with the hash in
     * {@code token_id} is how regenerate answers, and a create answer of that shape is read by {@code token_id} too.
     */
    @Test
    void aCreateAnswerShapedAsGenerateKeyResponseWithTokenNullIsReadByTokenId() throws Exception {
        String hash = sha256(NEW_SECRET);
        server.enqueue(Reply.json(200, "{\"key\":\"" + NEW_SECRET + "\",\"key_name\":\"sk-...ghGw\","
                + "\"key_alias\":\"ci\",\"expires\":\"2025-03-08T12:00:00Z\",\"user_id\":null,"
                + "\"token_id\":\"" + hash + "\",\"token\":null,\"created_by\":null,\"updated_by\":null,"
                + "\"created_at\":\"2025-03-01T12:00:00Z\",\"updated_at\":\"2025-03-01T12:00:00Z\"}"));

        try (IssuedSecret issued = client.createKey(new NewKeyRequest("ci", List.of(), null,
                Instant.parse("2025-03-08T12:00:00Z")), "idem")) {
            assertThat(new String(issued.secret())).isEqualTo(NEW_SECRET);
            assertThat(issued.key().id()).isEqualTo(hash);
            assertThat(issued.key().hint()).isEqualTo("sk-…ghGw");
        }
    }

    // ---- Request models (litellm/proxy/_types.py at 00025c84) and the answers of update, block, delete, generate ----

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * A pydantic request model as the proxy declares it: field name to JSON type, and the required fields.
     * All models here derive from {@code LiteLLMPydanticObjectBase}, whose config sets only
     * {@code protected_namespaces}, so pydantic's default {@code extra="ignore"} holds: a field the model does
     * not declare is dropped without an error and the call answers 200 having done nothing with it.
     */
    private record RequestModel(String name, Map<String, String> fields, Set<String> required) {
    }

    /** {@code GenerateRequestBase} + {@code KeyRequestBase}: the fields every key create/update model shares. */
    private static Map<String, String> keyRequestBase() {
        return Map.ofEntries(Map.entry("key_alias", "str"), Map.entry("duration", "str"), Map.entry("models", "list"),
                Map.entry("spend", "float"), Map.entry("max_budget", "float"), Map.entry("user_id", "str"),
                Map.entry("team_id", "str"), Map.entry("agent_id", "str"), Map.entry("max_parallel_requests", "int"),
                Map.entry("metadata", "dict"), Map.entry("tpm_limit", "int"), Map.entry("rpm_limit", "int"),
                Map.entry("budget_duration", "str"), Map.entry("allowed_cache_controls", "list"),
                Map.entry("config", "dict"), Map.entry("permissions", "dict"), Map.entry("model_max_budget", "dict"),
                Map.entry("model_rpm_limit", "dict"), Map.entry("model_tpm_limit", "dict"),
                Map.entry("guardrails", "list[str]"), Map.entry("policies", "list[str]"),
                Map.entry("prompts", "list[str]"),
                Map.entry("blocked", "bool"), Map.entry("aliases", "dict"), Map.entry("object_permission", "dict"),
                Map.entry("key", "str"), Map.entry("budget_id", "str"), Map.entry("tags", "list[str]"),
                Map.entry("enforced_params", "list[str]"), Map.entry("allowed_routes", "list"),
                Map.entry("allowed_passthrough_routes", "list"), Map.entry("allowed_vector_store_indexes", "list"),
                Map.entry("rpm_limit_type", "str"), Map.entry("tpm_limit_type", "str"),
                Map.entry("router_settings", "dict"), Map.entry("access_group_ids", "list[str]"));
    }

    private static Map<String, String> with(Map<String, String> base, Map<String, String> more) {
        Map<String, String> all = new HashMap<>(base);
        all.putAll(more);
        return all;
    }

    /** {@code UpdateKeyRequest}: {@code key} required (a secret or its hash), everything else optional. */
    private static final RequestModel UPDATE_KEY_REQUEST = new RequestModel("UpdateKeyRequest", with(keyRequestBase(),
            Map.of("temp_budget_increase", "float", "temp_budget_expiry", "str", "auto_rotate", "bool",
                    "rotation_interval", "str", "organization_id", "str")), Set.of("key"));

    /** {@code GenerateKeyRequest}: nothing required; {@code key} here would be a caller-chosen secret. */
    private static final RequestModel GENERATE_KEY_REQUEST = new RequestModel("GenerateKeyRequest",
            with(keyRequestBase(), Map.of("soft_budget", "float", "send_invite_email", "bool", "key_type", "str",
                    "auto_rotate", "bool", "rotation_interval", "str", "organization_id", "str", "project_id", "str")),
            Set.of());

    /** {@code KeyRequest} (body of /key/delete): {@code keys} or {@code key_aliases}, one of them non-empty. */
    private static final RequestModel KEY_REQUEST = new RequestModel("KeyRequest",
            Map.of("keys", "list[str]", "key_aliases", "list[str]"), Set.of());

    /** {@code BlockKeyRequest} (body of /key/block and /key/unblock): {@code key} required. */
    private static final RequestModel BLOCK_KEY_REQUEST = new RequestModel("BlockKeyRequest",
            Map.of("key", "str"), Set.of("key"));

    /** {@code is_valid_api_key} (proxy/utils.py), which block_key and unblock_key check first: 400 otherwise. */
    private static final Pattern VALID_API_KEY = Pattern.compile("sk-[A-Za-z0-9_-]+|[a-fA-F0-9]{64}");

    private static boolean fits(String type, JsonNode value) {
        return switch (type) {
            case "str" -> value.isTextual();
            case "bool" -> value.isBoolean();
            case "float" -> value.isNumber();
            case "int" -> value.isIntegralNumber();
            case "dict" -> value.isObject();
            case "list" -> value.isArray();
            case "list[str]" -> value.isArray() && allText(value);
            default -> throw new AssertionError("no such type " + type);
        };
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isTextual()) {
                return false;
            }
        }
        return true;
    }

    /** The fields the body sends, each declared by the model with a fitting type, and every required one present. */
    private static JsonNode assertTheModelTakes(RequestModel model, String body) throws Exception {
        JsonNode sent = MAPPER.readTree(body);
        assertThat(sent.isObject()).as("%s is a JSON object", model.name()).isTrue();
        for (String name : names(sent)) {
            assertThat(model.fields()).as("%s declares \"%s\" (an undeclared field is dropped without an error)",
                    model.name(), name).containsKey(name);
            JsonNode value = sent.get(name);
            boolean optional = !model.required().contains(name);
            assertThat(value.isNull() && optional || fits(model.fields().get(name), value))
                    .as("%s.%s is %s, sent %s", model.name(), name, model.fields().get(name), value).isTrue();
        }
        for (String name : model.required()) {
            assertThat(sent.hasNonNull(name)).as("%s requires \"%s\"", model.name(), name).isTrue();
        }
        return sent;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The checker itself refuses what the proxy would drop or refuse, so the tests below can fail. */
    @Test
    void aBodyTheRequestModelWouldDropOrRefuseIsCaught() {
        assertThatThrownBy(() -> assertTheModelTakes(UPDATE_KEY_REQUEST, "{\"key\":\"k\",\"name\":\"x\"}"))
                .hasMessageContaining("declares \"name\"");
        assertThatThrownBy(() -> assertTheModelTakes(UPDATE_KEY_REQUEST, "{\"key_alias\":\"x\"}"))
                .hasMessageContaining("requires \"key\"");
        assertThatThrownBy(() -> assertTheModelTakes(KEY_REQUEST, "{\"keys\":\"" + OLD_HASH + "\"}"))
                .hasMessageContaining("KeyRequest.keys is list[str]");
        assertThatThrownBy(() -> assertTheModelTakes(UPDATE_KEY_REQUEST, "{\"key\":\"k\",\"blocked\":\"false\"}"))
                .hasMessageContaining("UpdateKeyRequest.blocked is bool");
    }

    /**
     * One key row with the fields {@code LiteLLM_VerificationToken} declares (what /key/block and /key/unblock
     * answer, and, as a dict, what {@code update_data} and {@code key_info_fn} put in their answers).
     * {@code timeZone} is "Z" where pydantic serializes a model, "+00:00" where FastAPI encodes a plain dict.
     */
    private static ObjectNode keyRow(String alias, boolean blocked, String timeZone) throws Exception {
        return (ObjectNode) MAPPER.readTree("""
                {"token":"%1$s","key_name":"sk-...Hw4x","key_alias":"%2$s","spend":1.5,"max_budget":10.0,
                 "expires":"2025-04-01T00:00:00%4$s","models":[],"aliases":{},"config":{},"user_id":null,
                 "team_id":null,"agent_id":null,"project_id":null,"max_parallel_requests":null,"metadata":{},
                 "tpm_limit":null,"rpm_limit":null,"budget_duration":null,"budget_reset_at":null,
                 "allowed_cache_controls":[],"allowed_routes":[],"permissions":{},"model_spend":{},
                 "model_max_budget":{},"soft_budget_cooldown":false,"blocked":%3$s,"litellm_budget_table":null,
                 "org_id":null,"created_at":"2025-02-01T10:00:00.123000%4$s","created_by":"default_user_id",
                 "updated_at":"2025-03-01T12:00:00%4$s","updated_by":"default_user_id","last_active":null,
                 "object_permission_id":null,"object_permission":null,"access_group_ids":[],"rotation_count":0,
                 "auto_rotate":false,"rotation_interval":null,"last_rotation_at":null,"key_rotation_at":null,
                 "router_settings":null}""".formatted(OLD_HASH, alias, blocked, timeZone));
    }

    /** {@code info_key_fn}: {@code {"key": <as asked>, "info": <row without "token">}}. */
    private static String keyInfoAnswer(String alias, boolean blocked) throws Exception {
        ObjectNode info = keyRow(alias, blocked, "+00:00");
        info.remove("token");
        ObjectNode answer = MAPPER.createObjectNode().put("key", OLD_HASH);
        answer.set("info", info);
        return answer.toString();
    }

    /**
     * {@code update_key_fn} at 00670428 answers {@code {"key": key, **response["data"]}}: {@code key} as the caller
     * sent it, then {@code PrismaClient.update_data}'s {@code "data"}, the whole updated row dumped (its
     * {@code token} being the hash). The driver then reads the key back through /key/info.
     * The request must be an {@code UpdateKeyRequest} carrying exactly {@code key} and {@code key_alias}.
     */
    @Test
    void aRenameIsAnUpdateKeyRequestOfKeyAndKeyAliasAndTheKeyShowsItsNewAlias() throws Exception {
        ObjectNode updated = MAPPER.createObjectNode().put("key", OLD_HASH);
        updated.setAll(keyRow("billing-v2", false, "+00:00"));
        server.enqueue(Reply.json(200, updated.toString()), Reply.json(200, keyInfoAnswer("billing-v2", false)));

        ApiKey key = client.updateKey(OLD_HASH, KeyUpdate.rename("billing-v2"));

        assertThat(key.id()).isEqualTo(OLD_HASH);
        assertThat(key.name()).isEqualTo("billing-v2");
        assertThat(key.hint()).isEqualTo("sk-…Hw4x");
        assertThat(key.expiresAt()).isEqualTo(Instant.parse("2025-04-01T00:00:00Z"));
        assertThat(server.requests()).extracting(r -> r.method() + " " + r.path())
                .containsExactly("POST /key/update", "GET /key/info");
        JsonNode sent = assertTheModelTakes(UPDATE_KEY_REQUEST, server.requests().get(0).body());
        assertThat(names(sent)).containsExactly("key", "key_alias");
        assertThat(sent.get("key").asText()).isEqualTo(OLD_HASH);
        assertThat(sent.get("key_alias").asText()).isEqualTo("billing-v2");
    }

    /**
     * {@code block_key} / {@code unblock_key} at 00670428 take a {@code BlockKeyRequest}, refuse a {@code key} that
     * fails {@code is_valid_api_key} with 400, hash it only when it starts with "sk-", set {@code blocked} and answer
     * the updated {@code LiteLLM_VerificationToken} row. Blocking shows the key disabled, unblocking active, and a
     * current proxy needs no fallback.
     */
    @Test
    void blockAndUnblockAreBlockKeyRequestsByHashAndTheKeyShowsDisabledThenActive() throws Exception {
        server.enqueue(Reply.json(200, keyRow("backend", true, "Z").toString()),
                Reply.json(200, keyInfoAnswer("backend", true)),
                Reply.json(200, keyRow("backend", false, "Z").toString()),
                Reply.json(200, keyInfoAnswer("backend", false)));

        ApiKey blocked = client.updateKey(OLD_HASH, KeyUpdate.disabled(true));
        ApiKey unblocked = client.updateKey(OLD_HASH, KeyUpdate.disabled(false));

        assertThat(blocked.status(NOW)).isEqualTo(KeyStatus.DISABLED);
        assertThat(unblocked.status(NOW)).isEqualTo(KeyStatus.ACTIVE);
        assertThat(server.requests()).extracting(r -> r.method() + " " + r.path())
                .containsExactly("POST /key/block", "GET /key/info", "POST /key/unblock", "GET /key/info");
        for (int i : new int[] {0, 2}) {
            JsonNode sent = assertTheModelTakes(BLOCK_KEY_REQUEST, server.requests().get(i).body());
            assertThat(names(sent)).containsExactly("key");
            assertThat(VALID_API_KEY.matcher(sent.get("key").asText()).matches())
                    .as("is_valid_api_key(%s)", sent.get("key")).isTrue();
            assertThat(sent.get("key").asText()).isEqualTo(OLD_HASH);
        }
    }

    /**
     * {@code delete_key_fn} at 00670428 takes a {@code KeyRequest} ({@code keys} or {@code key_aliases}; hashes
     * are used as given, "sk-" secrets hashed), deletes, and answers {@code {"deleted_keys": data.keys}}: the list it
     * was sent. A key it does not find is a 404 ("No keys found"), never a 2xx.
     */
    @Test
    void revokeIsAKeyRequestWithKeysAndTheEchoedDeletedKeysReportItRevoked() throws Exception {
        server.enqueue(Reply.json(200, "{\"deleted_keys\":[\"" + OLD_HASH + "\"]}"));

        RevokeResult result = client.revokeKey(OLD_HASH);

        assertThat(result.keyId()).isEqualTo(OLD_HASH);
        assertThat(result.revoked()).isTrue();
        assertThat(server.requests().get(0).method() + " " + server.requests().get(0).path())
                .isEqualTo("POST /key/delete");
        JsonNode sent = assertTheModelTakes(KEY_REQUEST, server.requests().get(0).body());
        assertThat(names(sent)).containsExactly("keys");
        assertThat(sent.get("keys")).extracting(JsonNode::asText).containsExactly(OLD_HASH);
    }

    /**
     * {@code _common_key_generation_helper} at 00670428: {@code generate_key_helper_fn}'s dict has {@code token} = the
     * new secret and {@code token_id} = the stored row's token (the hash); {@code GenerateKeyResponse}'s
     * before-validator copies {@code token} into {@code key}; the endpoint then sets {@code response.token =
     * response.token_id}. So the answer carries the secret in {@code key} and the hash in both {@code token} and
     * {@code token_id}; {@code key_name} is {@code abbreviate_api_key}'s "sk-..." + last four.
     * The request must be a {@code GenerateKeyRequest} of exactly {@code key_alias} and {@code duration}.
     */
    @Test
    void aCreateAnswerAsGenerateKeyFnBuildsItAt00670428IsReadByItsHash() throws Exception {
        String hash = sha256(NEW_SECRET);
        server.enqueue(Reply.json(200, """
                {"key_alias":"ci","duration":null,"models":[],"spend":0.0,"max_budget":null,"user_id":null,
                 "team_id":null,"agent_id":null,"max_parallel_requests":null,"metadata":{},"tpm_limit":null,
                 "rpm_limit":null,"budget_duration":null,"allowed_cache_controls":[],"config":{},"permissions":{},
                 "model_max_budget":{},"model_rpm_limit":null,"model_tpm_limit":null,"guardrails":null,
                 "policies":null,"prompts":null,"blocked":null,"aliases":{},"object_permission":null,
                 "key":"%1$s","budget_id":null,"tags":null,"enforced_params":null,"allowed_routes":[],
                 "allowed_passthrough_routes":null,"allowed_vector_store_indexes":null,"rpm_limit_type":null,
                 "tpm_limit_type":null,"router_settings":{},"access_group_ids":[],"key_name":"sk-...ghGw",
                 "expires":"2025-03-08T12:00:00Z","token_id":"%2$s","organization_id":null,"project_id":null,
                 "litellm_budget_table":null,"token":"%2$s","created_by":null,"updated_by":null,
                 "created_at":"2025-03-01T12:00:00.120000Z","updated_at":"2025-03-01T12:00:00.120000Z"}"""
                .formatted(NEW_SECRET, hash)));
        Instant asked = Instant.parse("2025-03-08T12:00:00Z");

        try (IssuedSecret issued = client.createKey(new NewKeyRequest("ci", List.of(), null, asked), "unused")) {
            assertThat(new String(issued.secret())).isEqualTo(NEW_SECRET);
            assertThat(issued.key().id()).isEqualTo(hash);
            assertThat(issued.key().name()).isEqualTo("ci");
            assertThat(issued.key().hint()).isEqualTo("sk-…ghGw");
            assertThat(issued.key().expiresAt()).isEqualTo(asked);
        }
        JsonNode sent = assertTheModelTakes(GENERATE_KEY_REQUEST, server.requests().get(0).body());
        assertThat(names(sent)).containsExactly("key_alias", "duration");
    }

    /**
     * The same helper dict before the endpoint's remap (a proxy without {@code response.token = response.token_id},
     * which the source marks as a TODO clean-up): {@code token} is the secret itself. It must never become the id,
     * nor be kept in any field of the key: the id is the hash, computed as the proxy does when no hash is sent.
     */
    @Test
    void aCreateAnswerWhoseTokenIsTheSecretItselfNeverMakesTheSecretTheId() throws Exception {
        server.enqueue(Reply.json(200, "{\"key\":\"" + NEW_SECRET + "\",\"token\":\"" + NEW_SECRET
                + "\",\"key_name\":\"sk-...ghGw\",\"key_alias\":\"ci\",\"expires\":null}"));

        try (IssuedSecret issued = client.createKey(new NewKeyRequest("ci", List.of(), null, null), "unused")) {
            assertThat(new String(issued.secret())).isEqualTo(NEW_SECRET);
            assertThat(issued.key().id()).isEqualTo(sha256(NEW_SECRET));
            assertThat(issued.key().toString()).doesNotContain(NEW_SECRET);
        }
    }
}
