package io.keydeck.gateway.litellm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keydeck.gateway.AdminToken;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.GatewayTarget;
import io.keydeck.gateway.fixture.FixtureServer;
import io.keydeck.gateway.fixture.FixtureServer.Reply;
import io.keydeck.gateway.fixture.RecordingSleeper;
import io.keydeck.model.Amount;
import io.keydeck.model.ApiKey;
import io.keydeck.model.IssuedSecret;
import io.keydeck.model.KeyAccount;
import io.keydeck.model.KeyOwner;
import io.keydeck.model.KeyUpdate;
import io.keydeck.model.LimitReset;
import io.keydeck.model.LimitSetting;
import io.keydeck.model.NewKeyRequest;
import io.keydeck.model.OwnerKind;
import io.keydeck.model.RateLimits;
import io.keydeck.model.SpendPeriod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * LiteLLM's spend, budgets, rate limits, models, team and user, against the proxy's source (not its docs):
 * the key row {@code LiteLLM_VerificationToken} and {@code UpdateKeyRequest}/{@code GenerateKeyRequest} in
 * {@code litellm/proxy/_types.py} (fields as {@link LiteLlmAgainstItsSourceTest} lists them, at 00025c84;
 * {@code SpecialModelNames.all_proxy_models = "all-proxy-models"} at 0bf90f0c206a923c997ac1ee780d1e4b02af811c);
 * {@code prepare_key_update_data} in {@code litellm/proxy/management_endpoints/key_management_endpoints.py} at
 * eb8b9912608a1d953391a1d4dba40f59953dc9e5 ({@code model_dump(exclude_unset=True)}: an explicit null is kept
 * and written, except {@code budget_duration}, which is popped and only set back when non-empty);
 * {@code _extract_from_regex} and {@code get_next_standardized_reset_time} in
 * {@code litellm/litellm_core_utils/duration_parser.py} at 0cc4fef426c3d959ecb69a1d2b9ceb70e7c97bdd ("1d" resets
 * at midnight, "7d" on Monday, "30d" on the 1st; {@code (\d+)(mo|[smhdw]?)}) and at 5de00c32 ({@code mo|[smhd]?},
 * no weeks); the reset job ({@code litellm/proxy/common_utils/reset_budget_job.py}) sets a key's {@code spend} to 0
 * when its {@code budget_reset_at} passes.
 */
class LiteLlmSpendAndLimitsAgainstItsSourceTest {
    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private static final String HASH = "837e17519f44a3c1d2e9b0f6a7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f80";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The duration pattern before weeks were added (5de00c32) and after (0cc4fef4). */
    private static final Pattern OLD_DURATION = Pattern.compile("(\\d+)(mo|[smhd]?)");
    private static final Pattern NEW_DURATION = Pattern.compile("(\\d+)(mo|[smhdw]?)");
    /** UpdateKeyRequest / GenerateKeyRequest fields (KeyRequestBase at 00025c84) this driver may send for limits. */
    private static final Set<String> DECLARED = Set.of("key", "key_alias", "duration", "models", "max_budget",
            "budget_duration", "tpm_limit", "rpm_limit");

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

    /** A {@code LiteLLM_VerificationToken} row as {@code /key/list?return_full_object=true} sends it. */
    private static String row(String budget, String duration, String rpm, String tpm, String models, String team,
                              String user) {
        return ("{\"token\":\"%s\",\"key_name\":\"sk-...Hw4x\",\"key_alias\":\"backend\",\"spend\":46.5,"
                + "\"max_budget\":%s,\"budget_duration\":%s,\"budget_reset_at\":\"2025-04-01T00:00:00+00:00\","
                + "\"expires\":null,\"models\":%s,\"rpm_limit\":%s,\"tpm_limit\":%s,\"team_id\":%s,\"user_id\":%s,"
                + "\"blocked\":null,\"created_at\":\"2025-02-01T10:00:00Z\"}")
                .formatted(HASH, budget, duration, models, rpm, tpm, team, user);
    }

    private ApiKey listed(String row) throws Exception {
        server.enqueue(Reply.json(200, "{\"keys\":[" + row + "],\"total_count\":1,\"current_page\":1,\"total_pages\":1}"));
        return client.listKeys(null, 100, false).items().get(0);
    }

    @Test
    void aKeyRowBecomesSpendABudgetRateLimitsModelsAndOwners() throws Exception {
        ApiKey key = listed(row("50.0", "\"30d\"", "600", "null", "[\"gpt-4o\",\"gpt-4o-mini\"]", "\"team-eng\"",
                "\"alice@example.com\""));

        KeyAccount account = key.account();
        assertThat(account.spend(SpendPeriod.MONTH)).as("spend since the last monthly reset").contains(Amount.usd(46.5));
        assertThat(account.limit().amount()).isEqualTo(Amount.usd(50));
        assertThat(account.limit().reset()).isEqualTo(LimitReset.MONTHLY);
        assertThat(account.limit().remaining()).isEqualTo(Amount.usd(3.5));
        assertThat(account.limit().resetsAt()).isEqualTo(Instant.parse("2025-04-01T00:00:00Z"));
        assertThat(account.limitUsed()).contains(0.93);
        assertThat(account.rateLimits()).isEqualTo(new RateLimits(600L, null));
        assertThat(account.allowedModels()).containsExactly("gpt-4o", "gpt-4o-mini");
        assertThat(account.owners()).containsExactly(new KeyOwner(OwnerKind.USER, "alice@example.com", null),
                new KeyOwner(OwnerKind.TEAM, "team-eng", null));
        assertThat(key.attributes()).containsEntry("Max budget", "$50.00").containsEntry("Spend", "$46.50");
    }

    @Test
    void aKeyWithoutBudgetOrLimitsIsKnownUnlimitedAndTheWildcardModelMeansAll() throws Exception {
        ApiKey key = listed(row("null", "null", "null", "null", "[\"all-proxy-models\"]", "null", "null"));

        assertThat(key.account().knownUnlimited()).isTrue();
        assertThat(key.account().allowedModels()).isEmpty();
        assertThat(key.account().spend(SpendPeriod.TOTAL)).as("no budget period: lifetime spend")
                .contains(Amount.usd(46.5));
        assertThat(key.account().owner()).isEmpty();
    }

    @Test
    void everyBudgetDurationTheProxyResetsOnACalendarBoundaryIsNamedTheRestKeptAsText() {
        assertThat(LiteLlmJson.reset("1d")).isEqualTo(LimitReset.DAILY);
        assertThat(LiteLlmJson.reset("24h")).isEqualTo(LimitReset.DAILY);
        assertThat(LiteLlmJson.reset("7d")).isEqualTo(LimitReset.WEEKLY);
        assertThat(LiteLlmJson.reset("1w")).isEqualTo(LimitReset.WEEKLY);
        assertThat(LiteLlmJson.reset("30d")).isEqualTo(LimitReset.MONTHLY);
        assertThat(LiteLlmJson.reset("1mo")).isEqualTo(LimitReset.MONTHLY);
        assertThat(LiteLlmJson.reset("45d")).isEqualTo(LimitReset.OTHER);
        assertThat(LiteLlmJson.reset(null)).isEqualTo(LimitReset.NEVER);
    }

    @Test
    void anOddBudgetDurationIsShownInTheProxysWords() throws Exception {
        ApiKey key = listed(row("10", "\"45d\"", "null", "null", "[]", "null", "null"));
        assertThat(key.account().limit().display()).isEqualTo("$10.00 every 45d");
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void assertEveryFieldIsDeclared(JsonNode sent) {
        assertThat(DECLARED).as("fields UpdateKeyRequest/GenerateKeyRequest declare (others are dropped silently)")
                .containsAll(names(sent));
    }

    /** "1d", "7d", "30d" read by the old and the new pattern as days, so every proxy version takes them. */
    private static void assertEveryProxyReadsTheDuration(String duration) {
        for (Pattern pattern : List.of(OLD_DURATION, NEW_DURATION)) {
            Matcher m = pattern.matcher(duration);
            assertThat(m.matches()).as("%s reads %s whole", pattern, duration).isTrue();
            assertThat(m.group(2)).isEqualTo("d");
        }
    }

    private String keyInfo(String budget, String duration) {
        return "{\"key\":\"" + HASH + "\",\"info\":" + row(budget, duration, "null", "null", "[]", "null", "null") + "}";
    }

    @Test
    void aMonthlyLimitIsOneKeyUpdateOfMaxBudgetAndThirtyDaysThatEveryProxyReads() throws Exception {
        server.enqueue(Reply.json(200, "{\"key\":\"" + HASH + "\"}"), Reply.json(200, keyInfo("50", "\"30d\"")));

        ApiKey key = client.updateKey(HASH, KeyUpdate.limit(LimitSetting.usd(new BigDecimal("50"), LimitReset.MONTHLY)));

        assertThat(key.account().limit().display()).isEqualTo("$50.00 a month");
        assertThat(server.requests()).extracting(r -> r.method() + " " + r.path())
                .containsExactly("POST /key/update", "GET /key/info");
        JsonNode sent = MAPPER.readTree(server.requests().get(0).body());
        assertEveryFieldIsDeclared(sent);
        assertThat(names(sent)).containsExactly("key", "max_budget", "budget_duration");
        assertThat(sent.get("max_budget").isNumber()).as("max_budget is a float").isTrue();
        assertThat(sent.get("max_budget").decimalValue()).isEqualByComparingTo("50");
        assertThat(sent.get("budget_duration").asText()).isEqualTo("30d");
        assertEveryProxyReadsTheDuration(sent.get("budget_duration").asText());
    }

    @Test
    void dailyAndWeeklyLimitsSendOneAndSevenDaysAndANeverResettingOneNoDuration() throws Exception {
        for (LimitReset reset : List.of(LimitReset.DAILY, LimitReset.WEEKLY, LimitReset.NEVER)) {
            server.enqueue(Reply.json(200, "{\"key\":\"" + HASH + "\"}"), Reply.json(200, keyInfo("5", "null")));
            client.updateKey(HASH, KeyUpdate.limit(LimitSetting.usd(BigDecimal.valueOf(5), reset)));
        }
        List<JsonNode> sent = new ArrayList<>();
        for (int i : new int[] {0, 2, 4}) {
            sent.add(MAPPER.readTree(server.requests().get(i).body()));
        }
        assertThat(sent.get(0).get("budget_duration").asText()).isEqualTo("1d");
        assertThat(sent.get(1).get("budget_duration").asText()).isEqualTo("7d");
        assertThat(sent.get(2).has("budget_duration")).isFalse();
        sent.subList(0, 2).forEach(s -> assertEveryProxyReadsTheDuration(s.get("budget_duration").asText()));
    }

    /** An explicit null survives {@code exclude_unset}; the budget is gone, no duration is sent (it would be dropped). */
    @Test
    void removingTheLimitSendsAnExplicitNullMaxBudgetAndRateLimitsAndModelsGoInTheSameUpdate() throws Exception {
        server.enqueue(Reply.json(200, "{\"key\":\"" + HASH + "\"}"), Reply.json(200, keyInfo("null", "null")));

        ApiKey key = client.updateKey(HASH, new KeyUpdate("backend-2", null, LimitSetting.REMOVE,
                new RateLimits(120L, null), null, List.of("gpt-4o-mini")));

        assertThat(key.account().limit()).isNull();
        JsonNode sent = MAPPER.readTree(server.requests().get(0).body());
        assertEveryFieldIsDeclared(sent);
        assertThat(names(sent)).containsExactly("key", "key_alias", "max_budget", "rpm_limit", "tpm_limit", "models");
        assertThat(sent.get("max_budget").isNull()).isTrue();
        assertThat(sent.get("rpm_limit").isIntegralNumber()).as("rpm_limit is an int").isTrue();
        assertThat(sent.get("tpm_limit").isNull()).isTrue();
        assertThat(sent.get("models")).extracting(JsonNode::asText).containsExactly("gpt-4o-mini");
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void aKeyIsCreatedWithItsBudgetAndRateLimitInTheGenerateRequest() throws Exception {
        server.enqueue(Reply.json(200, "{\"key\":\"sk-Fn8Ej39NxjAXrvpUGKghGw\",\"token\":\"" + HASH + "\","
                + "\"key_alias\":\"ci\",\"max_budget\":20.0,\"budget_duration\":\"7d\",\"spend\":0.0,\"rpm_limit\":60,"
                + "\"tpm_limit\":null,\"models\":[],\"user_id\":null,\"team_id\":null}"));
        NewKeyRequest request = new NewKeyRequest("ci", List.of(), null, null,
                LimitSetting.usd(BigDecimal.valueOf(20), LimitReset.WEEKLY), new RateLimits(60L, null));

        try (IssuedSecret issued = client.createKey(request, "unused")) {
            assertThat(issued.key().account().limit().display()).isEqualTo("$20.00 a week");
            assertThat(issued.key().account().rateLimits().requestsPerMinute()).isEqualTo(60L);
        }
        JsonNode sent = MAPPER.readTree(server.requests().get(0).body());
        assertEveryFieldIsDeclared(sent);
        assertThat(names(sent)).containsExactly("key_alias", "max_budget", "budget_duration", "rpm_limit", "tpm_limit");
    }

    @Test
    void scopesAreRefusedBeforeAnythingIsSentBecauseLiteLlmKeysHaveNone() {
        assertThatThrownBy(() -> client.updateKey(HASH, KeyUpdate.scopes(List.of("chat:write"))))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.getMessage()).contains("no scopes"));
        assertThat(server.requests()).isEmpty();
    }
}
