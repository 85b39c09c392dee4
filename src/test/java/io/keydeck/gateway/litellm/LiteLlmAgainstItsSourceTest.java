package io.keydeck.gateway.litellm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import io.keydeck.model.Page;
import io.keydeck.model.TokenInfo;
import io.keydeck.model.UsageBucket;
import io.keydeck.model.UsagePoint;
import io.keydeck.model.UsageQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
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
     * {@code /key/generate} answers {@code GenerateKeyResponse} ({@code litellm/proxy/_types.py}, the version
     * stored in the source index; its fields: {@code key} (required), {@code key_name}, {@code expires},
     * {@code token_id}, {@code token} (optional, may be null), {@code created_at}). NOT yet checked at
     * 00670428: the snapshot was too large to fetch. Fixture shape: the model's fields, {@code token} null.
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
}
