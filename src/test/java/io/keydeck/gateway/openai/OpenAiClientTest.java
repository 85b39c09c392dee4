package io.keydeck.gateway.openai;

import io.keydeck.gateway.AdminToken;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.GatewayException.Kind;
import io.keydeck.gateway.GatewayTarget;
import io.keydeck.gateway.PartialAnswer;
import io.keydeck.gateway.fixture.FixtureServer;
import io.keydeck.gateway.fixture.FixtureServer.Reply;
import io.keydeck.gateway.fixture.RecordingSleeper;
import io.keydeck.model.Amount;
import io.keydeck.model.ApiKey;
import io.keydeck.model.AuthEvent;
import io.keydeck.model.AuthEventQuery;
import io.keydeck.model.DailySpend;
import io.keydeck.model.IssuedSecret;
import io.keydeck.model.KeyAccount;
import io.keydeck.model.KeyOwner;
import io.keydeck.model.KeyUpdate;
import io.keydeck.model.OwnerKind;
import io.keydeck.model.NewKeyRequest;
import io.keydeck.model.Page;
import io.keydeck.model.SpendPeriod;
import io.keydeck.model.UsageBucket;
import io.keydeck.model.UsagePoint;
import io.keydeck.model.UsageQuery;
import io.keydeck.review.ReviewInput;
import io.keydeck.review.ReviewRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The OpenAI Admin API driver against answers shaped as OpenAI documents them. */
class OpenAiClientTest {
    static final String ADMIN_KEY = """
            {"object":"organization.admin_api_key","id":"key_abc","name":"Main Admin Key",
             "redacted_value":"sk-admin...def1","created_at":1711471533,"last_used_at":1711471534,
             "owner":{"type":"user","object":"organization.user","id":"user_123","name":"Ada","role":"owner"}}""";
    static final String USAGE_PAGE = """
                        {"object":"page","data":[{"object":"bucket","start_time":1730419200,"end_time":1730505600,
                          "results":[{"object":"organization.usage.completions.result","input_tokens":1000,
                           "output_tokens":500,"input_cached_tokens":800,"num_model_requests":5,"project_id":null,
                           "user_id":null,"api_key_id":"key_p1","model":null,"batch":null}]}],
                         "has_more":true,"next_page":"AAAAAGdGxdEiJdKOAAAAAGcqsYA="}""";
    /** The embeddings report: input tokens and requests, no output tokens. */
    static final String EMBEDDINGS_PAGE = """
                        {"object":"page","data":[
                          {"object":"bucket","start_time":1730419200,"end_time":1730505600,
                           "results":[{"object":"organization.usage.embeddings.result","input_tokens":16,
                            "num_model_requests":2,"project_id":null,"user_id":null,"api_key_id":"key_p1","model":null}]},
                          {"object":"bucket","start_time":1730505600,"end_time":1730592000,
                           "results":[{"object":"organization.usage.embeddings.result","input_tokens":40,
                            "num_model_requests":1,"project_id":null,"user_id":null,"api_key_id":"key_p1","model":null}]}],
                         "has_more":false,"next_page":null}""";
    static final String AUDIT_PAGE = """
                {"object":"list","data":[
                  {"id":"audit_log-1","type":"api_key.deleted","effective_at":1720804190,
                   "actor":{"type":"session","session":{"user":{"id":"user-x","email":"ops@example.com"},
                     "ip_address":"203.0.113.9","user_agent":"Mozilla/5.0"}},
                   "api_key.deleted":{"id":"key_xxxx"}},
                  {"id":"audit_log-2","type":"login.failed","effective_at":1720804200,
                   "actor":{"type":"session","session":{"user":{"email":"eve@example.com"},"ip_address":"198.51.100.7"}},
                   "login.failed":{"error_code":"invalid_password","error_message":"Wrong password"}}],
                 "first_id":"audit_log-1","last_id":"audit_log-2","has_more":true}""";
    static final String PROJECT_KEY = """
            {"object":"organization.project.api_key","id":"key_p1","name":"Prod","redacted_value":"sk-proj-ab...wxyz",
             "created_at":1711471533,"last_used_at":null,"owner_project_access":"active",
             "owner":{"type":"user","user":{"id":"user_1","email":"dev@example.com","name":"Dev","role":"owner",
               "created_at":1711471533}}}""";

    /** A service account's key, as OpenAI nests its owner. */
    static final String SERVICE_ACCOUNT_KEY = """
            {"object":"organization.project.api_key","id":"key_s1","name":"CI","redacted_value":"sk-svcacct-ab...1234",
             "created_at":1711471533,"last_used_at":1711471600,"owner_project_access":"active",
             "owner":{"type":"service_account","service_account":{"id":"svc_acct_1","name":"ci-bot","role":"member",
               "created_at":1711471533}}}""";
    /** A key whose owner has lost access to its project: listed only with {@code owner_project_access=any}. */
    static final String KEY_OF_AN_OWNER_WHO_LEFT = PROJECT_KEY.replace("key_p1", "key_gone")
            .replace("\"owner_project_access\":\"active\"", "\"owner_project_access\":\"inactive\"")
            .replace("dev@example.com", "gone@example.com");

    /** A costs report with nothing in it: every key cost nothing. */
    static final String NO_COSTS = "{\"object\":\"page\",\"data\":[],\"has_more\":false,\"next_page\":null}";

    /** One day's bucket of the costs report grouped by key: {@code keyAndUsd} alternates key ids and amounts. */
    static String costBucket(LocalDate day, Object... keyAndUsd) {
        long start = day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        StringBuilder results = new StringBuilder();
        for (int i = 0; i < keyAndUsd.length; i += 2) {
            results.append(results.length() == 0 ? "" : ",").append("{\"object\":\"organization.costs.result\","
                    + "\"amount\":{\"value\":").append(keyAndUsd[i + 1]).append(",\"currency\":\"usd\"},"
                    + "\"line_item\":null,\"project_id\":null,\"api_key_id\":\"").append(keyAndUsd[i]).append("\"}");
        }
        return "{\"object\":\"bucket\",\"start_time\":" + start + ",\"end_time\":" + (start + 86_400)
                + ",\"results\":[" + results + "]}";
    }

    static String costsPage(String... buckets) {
        return "{\"object\":\"page\",\"data\":[" + String.join(",", buckets) + "],\"has_more\":false,"
                + "\"next_page\":null}";
    }

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    private FixtureServer server;
    private OpenAiClient client;
    /** What the client said it left out of its answers, in order. */
    private final List<PartialAnswer> heard = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = FixtureServer.start();
        client = new OpenAiDriver(new RecordingSleeper().options(), java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC))
                .connect(new GatewayTarget(server.baseUrl(), AdminToken.of("sk-admin-secret000000000")));
        client.reportPartialAnswersTo(heard::add);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void listingWalksAdminKeysThenEveryProjectsKeys() throws Exception {
        server.enqueue(Reply.json(200, NO_COSTS),
                Reply.json(200, "{\"object\":\"list\",\"data\":[" + ADMIN_KEY + "],\"has_more\":false,"
                        + "\"first_id\":\"key_abc\",\"last_id\":\"key_abc\"}"),
                Reply.json(200, "{\"data\":[{\"id\":\"proj_a\",\"name\":\"Website\"},{\"id\":\"proj_b\",\"name\":\"Batch\"}],"
                        + "\"has_more\":false}"),
                Reply.json(200, "{\"data\":[" + PROJECT_KEY + "],\"has_more\":true,\"last_id\":\"key_p1\"}"),
                Reply.json(200, "{\"data\":[],\"has_more\":false}"),
                Reply.json(200, "{\"data\":[" + PROJECT_KEY.replace("key_p1", "key_p2") + "],\"has_more\":false}"));

        List<ApiKey> all = client.listAllKeys(false, n -> { });

        assertThat(all).extracting(ApiKey::id).containsExactly("key_abc", "proj_a/key_p1", "proj_b/key_p2");
        ApiKey admin = all.get(0);
        assertThat(admin.hint()).isEqualTo("sk-admin…def1");
        assertThat(admin.createdAt()).isEqualTo(Instant.ofEpochSecond(1711471533));
        assertThat(admin.attributes()).containsExactly(Map.entry("Kind", "Admin key"));
        assertThat(admin.account().owners()).containsExactly(new KeyOwner(OwnerKind.USER, "user_123", "Ada"));
        ApiKey project = all.get(1);
        assertThat(project.attributes()).containsExactly(Map.entry("Kind", "Project key"));
        assertThat(project.account().owners()).containsExactly(
                new KeyOwner(OwnerKind.USER, "user_1", "dev@example.com", true),
                new KeyOwner(OwnerKind.PROJECT, "proj_a", "Website"));
        assertThat(all.get(2).account().ownerText()).isEqualTo("user dev@example.com, project Batch");
        assertThat(project.lastUsedAt()).isNull();
        assertThat(server.requests()).extracting(r -> r.path() + "?" + r.query()).containsExactly(
                "/v1/organization/costs?start_time=" + NOW.minus(Duration.ofDays(7)).getEpochSecond()
                        + "&bucket_width=1d&group_by=api_key_id&limit=8",
                "/v1/organization/admin_api_keys?limit=100",
                "/v1/organization/projects?limit=100",
                "/v1/organization/projects/proj_a/api_keys?limit=100&owner_project_access=any",
                "/v1/organization/projects/proj_a/api_keys?limit=100&after=key_p1&owner_project_access=any",
                "/v1/organization/projects/proj_b/api_keys?limit=100&owner_project_access=any");
        assertThat(server.requests().get(0).header("Authorization")).contains("Bearer sk-admin-secret000000000");
    }

    @Test
    void aServiceAccountOwnsItsKeyAndAnOwnerWhoLostProjectAccessIsFlaggedByReview() throws Exception {
        server.enqueue(Reply.json(200, NO_COSTS), Reply.json(200, "{\"object\":\"list\",\"data\":[],\"has_more\":false}"),
                Reply.json(200, "{\"data\":[{\"id\":\"proj_a\",\"name\":\"Website\"}],\"has_more\":false}"),
                Reply.json(200, "{\"object\":\"list\",\"data\":[" + SERVICE_ACCOUNT_KEY + "," + KEY_OF_AN_OWNER_WHO_LEFT
                        + "],\"has_more\":false}"));

        List<ApiKey> keys = client.listAllKeys(false, n -> { });

        assertThat(keys).extracting(k -> k.account().ownerText()).containsExactly(
                "service account ci-bot, project Website", "user gone@example.com, project Website");
        assertThat(keys.get(1).account().owner().orElseThrow().member()).isFalse();
        assertThat(ReviewRules.review(new ReviewInput("OpenAI", false, keys, List.of(), null), NOW))
                .filteredOn(f -> f.ruleId().equals("owner-left"))
                .extracting(f -> f.key().id() + ": " + f.reason()).containsExactly("proj_a/key_gone: Owned by user "
                        + "gone@example.com, who is no longer a member; whoever holds the key now is not on record.");
    }

    @Test
    void projectPagesThatBringNothingNewWhileSayingThereAreMoreStopTheListing() {
        server.enqueue(Reply.json(200, NO_COSTS), Reply.json(200, "{\"object\":\"list\",\"data\":[],\"has_more\":false}"));
        for (int i = 1; i <= 20; i++) {
            server.enqueue(Reply.json(200, "{\"data\":[],\"has_more\":true,\"last_id\":\"proj_" + i + "\"}"));
        }

        assertThatThrownBy(() -> client.listAllKeys(false, n -> { }))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.code()).isEqualTo("no_progress");
                    assertThat(e.getMessage()).contains("3 pages in a row with no new OpenAI projects");
                });
        assertThat(server.requests()).hasSize(5);
    }

    @Test
    void eachKeysCostComesFromTheCostsReportGroupedByKeyAndASpikeReachesReview() throws Exception {
        LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC); // Tuesday 1 December 2026
        List<String> buckets = new java.util.ArrayList<>();
        for (int back = 7; back >= 1; back--) {
            buckets.add(costBucket(today.minusDays(back), "key_p1", "1.0"));
        }
        buckets.add(costBucket(today, "key_p1", "10.25", "key_elsewhere", "3"));
        server.enqueue(Reply.json(200, costsPage(buckets.toArray(String[]::new))),
                Reply.json(200, "{\"object\":\"list\",\"data\":[" + ADMIN_KEY + "],\"has_more\":false}"),
                Reply.json(200, "{\"data\":[{\"id\":\"proj_a\",\"name\":\"Website\"}],\"has_more\":false}"),
                Reply.json(200, "{\"object\":\"list\",\"data\":[" + PROJECT_KEY + "],\"has_more\":false}"));

        List<ApiKey> keys = client.listAllKeys(false, n -> { });

        KeyAccount spender = keys.get(1).account();
        assertThat(spender.spend(SpendPeriod.DAY)).hasValue(Amount.usd(10.25));
        assertThat(spender.spend(SpendPeriod.WEEK)).as("Monday 30 November and today").hasValue(Amount.usd(11.25));
        assertThat(spender.spend(SpendPeriod.MONTH)).hasValue(Amount.usd(10.25));
        assertThat(spender.spendText()).isEqualTo("$10.25 this month");
        assertThat(spender.dailySpend()).hasSize(8).first().isEqualTo(new DailySpend(today.minusDays(7), Amount.usd(1)));
        KeyAccount admin = keys.get(0).account();
        assertThat(admin.spend(SpendPeriod.MONTH)).as("a key the report does not name cost nothing")
                .hasValue(Amount.usd(0));
        assertThat(admin.dailySpend()).isEmpty();
        assertThat(ReviewRules.review(new ReviewInput("OpenAI", false, keys, List.of(), null), NOW))
                .extracting(f -> f.key().id() + ":" + f.ruleId()).contains("proj_a/key_p1:spend-spike")
                .doesNotContain("key_abc:spend-spike");
    }

    @Test
    void aCostsReportTheAdminKeyMayNotReadLeavesSpendUnknownAndStillListsTheKeys() throws Exception {
        server.enqueue(Reply.json(403, "{\"error\":{\"message\":\"Missing scope api.usage.read\","
                        + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"missing_scope\"}}"),
                Reply.json(200, "{\"object\":\"list\",\"data\":[" + ADMIN_KEY + "],\"has_more\":false}"),
                Reply.json(200, "{\"data\":[],\"has_more\":false}"));

        List<ApiKey> keys = client.listAllKeys(false, n -> { });

        assertThat(keys).singleElement().satisfies(k -> {
            assertThat(k.account().spend()).isEmpty();
            assertThat(k.account().ownerText()).isEqualTo("user Ada");
        });
        assertThat(heard).singleElement().satisfies(a -> {
            assertThat(a.part()).isEqualTo(PartialAnswer.SPEND);
            assertThat(a.problem()).startsWith("OpenAI's costs report (/v1/organization/costs) refused: "
                    + "Missing scope api.usage.read (missing_scope, HTTP 403)")
                    .endsWith("Spend per key is unknown; keys and usage are shown without it.");
        });
    }

    private static final String ONE_ADMIN_KEY = "{\"object\":\"list\",\"data\":[" + ADMIN_KEY + "],\"has_more\":false}";

    /**
     * A costs report that fails on OpenAI's side (500 through every retry) or answers something that is no costs
     * page does not fail the listing: every key is listed with its spend unknown (not $0), the user is told which
     * report failed and how, and the next listing whose report reads again clears that.
     */
    @Test
    void aCostsReportThatFailsOrAnswersGarbageLeavesTheListingIntactAndSaysWhy() throws Exception {
        Reply serverError = Reply.json(500, "{\"error\":{\"message\":\"The server had an error processing your "
                + "request.\",\"type\":\"server_error\",\"param\":null,\"code\":null}}")
                .withHeader("x-request-id", "req_costs500");
        server.enqueue(serverError, serverError, serverError, serverError,
                Reply.json(200, ONE_ADMIN_KEY), Reply.json(200, "{\"data\":[],\"has_more\":false}"));

        List<ApiKey> afterServerError = client.listAllKeys(false, n -> { });

        server.enqueue(Reply.text(200, "text/html", "<html><body>Upstream is resting</body></html>"),
                Reply.json(200, ONE_ADMIN_KEY), Reply.json(200, "{\"data\":[],\"has_more\":false}"));
        List<ApiKey> afterGarbage = client.listAllKeys(false, n -> { });

        server.enqueue(Reply.json(200, "{\"object\":\"page\",\"data\":{\"unexpected\":true},\"has_more\":false}"),
                Reply.json(200, ONE_ADMIN_KEY), Reply.json(200, "{\"data\":[],\"has_more\":false}"));
        List<ApiKey> afterWrongShape = client.listAllKeys(false, n -> { });

        server.enqueue(Reply.json(200, NO_COSTS), Reply.json(200, ONE_ADMIN_KEY),
                Reply.json(200, "{\"data\":[],\"has_more\":false}"));
        List<ApiKey> afterRecovery = client.listAllKeys(false, n -> { });

        for (List<ApiKey> keys : List.of(afterServerError, afterGarbage, afterWrongShape)) {
            assertThat(keys).singleElement().satisfies(k -> {
                assertThat(k.id()).isEqualTo("key_abc");
                assertThat(k.account().ownerText()).isEqualTo("user Ada");
                assertThat(k.account().spend()).as("unknown, not $0").isEmpty();
                assertThat(k.account().spendText()).isEmpty();
            });
        }
        assertThat(afterRecovery.get(0).account().spend(SpendPeriod.MONTH)).hasValue(Amount.usd(0));
        assertThat(heard).extracting(PartialAnswer::part).containsOnly(PartialAnswer.SPEND);
        assertThat(heard).hasSize(4);
        assertThat(heard.get(0).problem()).startsWith("OpenAI's costs report (/v1/organization/costs) could not be read: ")
                .contains("HTTP 500").contains("req_costs500").contains("Spend per key is unknown");
        assertThat(heard.get(1).problem()).contains("could not be read").contains("HTML page instead of JSON");
        assertThat(heard.get(2).problem()).contains("could not be read").contains("no \"data\" array");
        assertThat(heard.subList(0, 3)).noneMatch(PartialAnswer::isComplete);
        assertThat(heard.get(3).isComplete()).as("the report read again: spend is known again").isTrue();
        assertThat(heard).allSatisfy(a -> assertThat(String.valueOf(a.problem())).doesNotContain("sk-admin-secret"));
    }

    /** A rejected Admin key is no partial answer: the listing fails as a whole, so the token can be asked for again. */
    @Test
    void aCostsReportRefusingTheTokenFailsTheListing() {
        server.enqueue(Reply.json(401, "{\"error\":{\"message\":\"Incorrect API key provided\","
                + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}"));

        assertThatThrownBy(() -> client.listAllKeys(false, n -> { })).isInstanceOfSatisfying(GatewayException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.UNAUTHENTICATED));
        assertThat(heard).isEmpty();
    }

    /**
     * Daily usage asked with its cost: the costs report grouped by key over the same days prices each bucket; a key
     * with traffic the report does not name that day cost nothing, and a cost with no counted traffic (an image
     * model, which the token reports leave out) becomes a bucket of its own, so the range's spend is whole.
     */
    @Test
    void dailyUsageBucketsCarryTheirDaysCostFromTheCostsReport() throws Exception {
        LocalDate first = LocalDate.of(2024, 11, 1); // the usage fixtures' days: 1730419200 and 1730505600
        server.enqueue(
                Reply.json(200, costsPage(costBucket(first, "key_p1", "1.5"),
                        costBucket(first.plusDays(1), "key_images", "0.4"))),
                Reply.json(200, USAGE_PAGE),
                Reply.json(200, "{\"object\":\"page\",\"data\":[],\"has_more\":false,\"next_page\":null}"),
                Reply.json(200, EMBEDDINGS_PAGE));
        UsageQuery query = new UsageQuery(Instant.ofEpochSecond(1730419200), Instant.ofEpochSecond(1730592000),
                UsageBucket.DAY, null, true);

        io.keydeck.model.UsageSeries series = client.usage(query);

        assertThat(series.points()).containsExactlyInAnyOrder(
                new UsagePoint("key_p1", Instant.ofEpochSecond(1730419200), 7, 1016, 500, 0, Amount.usd(1.5)),
                new UsagePoint("key_p1", Instant.ofEpochSecond(1730505600), 1, 40, 0, 0, Amount.usd(0)),
                new UsagePoint("key_images", Instant.ofEpochSecond(1730505600), 0, 0, 0, 0, Amount.usd(0.4)));
        assertThat(series.costNote()).isNull();
        assertThat(server.requests()).extracting(FixtureServer.Recorded::path).containsExactly(
                "/v1/organization/costs", "/v1/organization/usage/completions", "/v1/organization/usage/completions",
                "/v1/organization/usage/embeddings");
        assertThat(server.requests().get(0).decodedQuery()).isEqualTo("start_time=1730419200&end_time=1730592000"
                + "&bucket_width=1d&group_by=api_key_id&limit=2");
        assertThat(heard).containsExactly(PartialAnswer.complete(PartialAnswer.SPEND));
    }

    /** One project key's daily usage asks the costs report for that key alone and names the points as listed. */
    @Test
    void oneKeysDailyCostIsAskedForThatKeyAlone() throws Exception {
        LocalDate first = LocalDate.of(2024, 11, 1);
        server.enqueue(Reply.json(200, costsPage(costBucket(first, "key_p1", "2.25"))),
                Reply.json(200, USAGE_PAGE),
                Reply.json(200, "{\"object\":\"page\",\"data\":[],\"has_more\":false,\"next_page\":null}"),
                Reply.json(200, "{\"object\":\"page\",\"data\":[],\"has_more\":false,\"next_page\":null}"));
        UsageQuery query = new UsageQuery(Instant.ofEpochSecond(1730419200), Instant.ofEpochSecond(1730505600),
                UsageBucket.DAY, "proj_a/key_p1", true);

        List<UsagePoint> points = client.usage(query).points();

        assertThat(points).containsExactly(new UsagePoint("proj_a/key_p1", Instant.ofEpochSecond(1730419200), 5, 1000,
                500, 0, Amount.usd(2.25)));
        assertThat(server.requests().get(0).decodedQuery()).isEqualTo("start_time=1730419200&end_time=1730505600"
                + "&bucket_width=1d&group_by=api_key_id&api_key_ids=key_p1&limit=1");
    }

    /**
     * OpenAI prices whole days only: hourly buckets are not given a share of a day's cost KeyDeck would have to
     * invent; they carry none, the costs report is not asked for, and the series says why.
     */
    @Test
    void hourlyBucketsCarryNoCostAndSayThatOpenAiPricesWholeDaysOnly() throws Exception {
        server.enqueue(Reply.json(200, USAGE_PAGE.replace("\"has_more\":true", "\"has_more\":false")),
                Reply.json(200, "{\"object\":\"page\",\"data\":[],\"has_more\":false,\"next_page\":null}"));
        UsageQuery query = new UsageQuery(Instant.ofEpochSecond(1730419200), Instant.ofEpochSecond(1730419200 + 7200),
                UsageBucket.HOUR, null, true);

        io.keydeck.model.UsageSeries series = client.usage(query);

        assertThat(series.points()).isNotEmpty().allSatisfy(p -> assertThat(p.cost()).isNull());
        assertThat(series.costNote()).isEqualTo(OpenAiBucketCosts.HOURLY_NOTE).contains("cost per day only")
                .contains("choose daily buckets");
        assertThat(server.requests()).extracting(FixtureServer.Recorded::path)
                .doesNotContain("/v1/organization/costs");
        assertThat(heard).as("nothing failed").isEmpty();
    }

    /** Daily buckets that do not start at midnight UTC would split OpenAI's days: no cost, no costs report, a note. */
    @Test
    void dailyBucketsNotStartingAtMidnightUtcCarryNoCost() throws Exception {
        server.enqueue(Reply.json(200, NO_COSTS), Reply.json(200, NO_COSTS));
        UsageQuery query = new UsageQuery(Instant.ofEpochSecond(1730419200 + 6 * 3600),
                Instant.ofEpochSecond(1730592000 + 6 * 3600), UsageBucket.DAY, null, true);

        io.keydeck.model.UsageSeries series = client.usage(query);

        assertThat(series.costNote()).isEqualTo(OpenAiBucketCosts.UNALIGNED_NOTE);
        assertThat(server.requests()).extracting(FixtureServer.Recorded::path)
                .containsExactly("/v1/organization/usage/completions", "/v1/organization/usage/embeddings");
    }

    /** A costs report that fails while reading usage leaves the traffic shown, unpriced, and says why. */
    @Test
    void aFailingCostsReportLeavesDailyUsageShownWithoutCost() throws Exception {
        Reply serverError = Reply.json(502, "{\"error\":{\"message\":\"Bad gateway\",\"type\":\"server_error\"}}");
        server.enqueue(serverError, serverError, serverError, serverError,
                Reply.json(200, USAGE_PAGE.replace("\"has_more\":true", "\"has_more\":false")),
                Reply.json(200, EMBEDDINGS_PAGE));
        UsageQuery query = new UsageQuery(Instant.ofEpochSecond(1730419200), Instant.ofEpochSecond(1730592000),
                UsageBucket.DAY, null, true);

        io.keydeck.model.UsageSeries series = client.usage(query);

        assertThat(series.points()).extracting(UsagePoint::requests).containsExactly(7L, 1L);
        assertThat(series.points()).allSatisfy(p -> assertThat(p.cost()).as("unknown, not $0").isNull());
        assertThat(series.costNote()).contains("could not be read").contains("HTTP 502")
                .contains("Spend per key is unknown");
        assertThat(heard).singleElement().satisfies(a -> assertThat(a.problem()).isEqualTo(series.costNote()));
    }

    /** Usage asked without its cost (Review, the CLI) reads no costs report at all. */
    @Test
    void usageWithoutCostReadsNoCostsReport() throws Exception {
        server.enqueue(Reply.json(200, USAGE_PAGE.replace("\"has_more\":true", "\"has_more\":false")),
                Reply.json(200, EMBEDDINGS_PAGE));

        io.keydeck.model.UsageSeries series = client.usage(new UsageQuery(Instant.ofEpochSecond(1730419200),
                Instant.ofEpochSecond(1730592000), UsageBucket.DAY, null));

        assertThat(series.points()).allSatisfy(p -> assertThat(p.cost()).isNull());
        assertThat(series.costNote()).isNull();
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void createMakesAnAdminKeyAndReturnsItsValueOnce() throws Exception {
        server.enqueue(Reply.json(200, ADMIN_KEY.replace("\"redacted_value\"", "\"value\":\"sk-admin-1234abcd\",\"redacted_value\"")));

        try (IssuedSecret issued = client.createKey(new NewKeyRequest("New Admin Key", List.of(), null, null), "i")) {
            assertThat(new String(issued.secret())).isEqualTo("sk-admin-1234abcd");
            assertThat(issued.key().id()).isEqualTo("key_abc");
        }
        FixtureServer.Recorded sent = server.requests().get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/v1/organization/admin_api_keys");
        assertThat(sent.body()).isEqualTo("{\"name\":\"New Admin Key\"}");
    }

    @Test
    void anExpiryIsSentAsExpiresInSecondsAndTheAnswersExpiresAtIsShown() throws Exception {
        server.enqueue(Reply.json(200, ADMIN_KEY.replace("\"redacted_value\"",
                "\"value\":\"sk-admin-1234abcd\",\"expires_at\":" + NOW.plusSeconds(2_592_000).getEpochSecond()
                        + ",\"redacted_value\"")));

        try (IssuedSecret issued = client.createKey(new NewKeyRequest("k", List.of(), null,
                NOW.plusSeconds(2_592_000).minusMillis(1)), "i")) {
            assertThat(issued.key().expiresAt()).isEqualTo(NOW.plusSeconds(2_592_000));
        }
        assertThat(server.requests().get(0).body()).isEqualTo("{\"name\":\"k\",\"expires_in_seconds\":2592000}");
    }

    @Test
    void anExpiredAdminKeyShowsAsExpiredNotActive() throws Exception {
        server.enqueue(Reply.json(200, NO_COSTS),
                Reply.json(200, "{\"object\":\"list\",\"data\":[" + ADMIN_KEY.replace("\"created_at\"",
                        "\"expires_at\":1714063533,\"created_at\"") + "],\"has_more\":false}"),
                Reply.json(200, "{\"object\":\"list\",\"data\":[],\"has_more\":false}"));

        ApiKey key = client.listKeys(null, 10, false).items().get(0);

        assertThat(key.expiresAt()).isEqualTo(Instant.ofEpochSecond(1714063533));
        assertThat(key.status(NOW)).isEqualTo(io.keydeck.model.KeyStatus.EXPIRED);
    }

    @Test
    void anExpiryOutsideOneSecondToOneYearOrScopesAreRefusedNotDropped() {
        NewKeyRequest tooFar = new NewKeyRequest("k", List.of(), null, NOW.plusSeconds(31_536_001));
        NewKeyRequest past = new NewKeyRequest("k", List.of(), null, NOW.minusSeconds(1));
        NewKeyRequest scoped = new NewKeyRequest("k", List.of("api.model.read"), null, null);

        assertThatThrownBy(() -> client.createKey(tooFar, "i")).isInstanceOfSatisfying(GatewayException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST);
            assertThat(e.getMessage()).contains("between 1 second and 365 days (31,536,000 seconds)")
                    .contains("31536001 seconds away");
        });
        assertThatThrownBy(() -> client.createKey(past, "i")).hasMessageContaining("not in the future");
        assertThatThrownBy(() -> client.createKey(scoped, "i")).isInstanceOfSatisfying(GatewayException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED);
            assertThat(e.getMessage()).contains("project API keys cannot be created through the API");
        });
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void revokeDeletesProjectAndAdminKeysAtTheirOwnPaths() throws Exception {
        server.enqueue(Reply.json(200, "{\"object\":\"organization.project.api_key.deleted\",\"id\":\"key_p1\","
                        + "\"deleted\":true}"),
                Reply.json(200, "{\"id\":\"key_abc\",\"object\":\"organization.admin_api_key.deleted\",\"deleted\":true}"));

        assertThat(client.revokeKey("proj_a/key_p1").revoked()).isTrue();
        assertThat(client.revokeKey("key_abc").revoked()).isTrue();
        assertThat(server.requests()).extracting(r -> r.method() + " " + r.path()).containsExactly(
                "DELETE /v1/organization/projects/proj_a/api_keys/key_p1",
                "DELETE /v1/organization/admin_api_keys/key_abc");
    }

    @Test
    void renamingIsUnsupportedWithASentence() {
        assertThatThrownBy(() -> client.updateKey("key_abc", KeyUpdate.rename("x")))
                .isInstanceOfSatisfying(GatewayException.class, e ->
                        assertThat(e.getMessage()).isEqualTo(
                                "OpenAI's Admin API cannot rename keys; rename them in the OpenAI dashboard."));
    }

    @Test
    void usageStopsWhenPagesStayEmptyWhileHasMoreSaysThereAreMore() {
        for (int i = 1; i <= 20; i++) {
            server.enqueue(Reply.json(200, "{\"object\":\"page\",\"data\":[],\"has_more\":true,\"next_page\":\"p" + i + "\"}"));
        }
        UsageQuery query = new UsageQuery(Instant.ofEpochSecond(1730419200), Instant.ofEpochSecond(1730592000),
                UsageBucket.DAY, null);

        assertThatThrownBy(() -> client.usage(query)).isInstanceOfSatisfying(GatewayException.class, e -> {
            assertThat(e.code()).isEqualTo("no_progress");
            assertThat(e.getMessage()).contains("3 pages in a row with no new usage points");
        });
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void completionsAndEmbeddingsUsageIsGroupedByKeyFollowsNextPageAndAddsUpPerBucket() throws Exception {
        server.enqueue(
                Reply.json(200, USAGE_PAGE),
                Reply.json(200, "{\"object\":\"page\",\"data\":[],\"has_more\":false,\"next_page\":null}"),
                Reply.json(200, EMBEDDINGS_PAGE));
        UsageQuery query = new UsageQuery(Instant.ofEpochSecond(1730419200), Instant.ofEpochSecond(1730592000),
                UsageBucket.DAY, "proj_a/key_p1");

        List<UsagePoint> points = client.usage(query).points();

        assertThat(points).containsExactly(
                new UsagePoint("proj_a/key_p1", Instant.ofEpochSecond(1730419200), 5 + 2, 1000 + 16, 500, 0),
                new UsagePoint("proj_a/key_p1", Instant.ofEpochSecond(1730505600), 1, 40, 0, 0));
        assertThat(server.requests()).extracting(FixtureServer.Recorded::path).containsExactly(
                "/v1/organization/usage/completions", "/v1/organization/usage/completions",
                "/v1/organization/usage/embeddings");
        assertThat(server.requests().get(0).decodedQuery()).isEqualTo("start_time=1730419200&end_time=1730592000"
                + "&bucket_width=1d&group_by=api_key_id&api_key_ids=key_p1&limit=31");
        assertThat(server.requests().get(1).decodedQuery()).endsWith("&page=AAAAAGdGxdEiJdKOAAAAAGcqsYA=");
        assertThat(server.requests().get(2).decodedQuery()).isEqualTo(server.requests().get(0).decodedQuery());
    }

    @Test
    void auditLogKeyEventsAndFailedLoginsBecomeAuthEvents() throws Exception {
        server.enqueue(Reply.json(200, AUDIT_PAGE));
        AuthEventQuery query = new AuthEventQuery(Instant.ofEpochSecond(1720000000), null, null, null, 50, null);

        Page<AuthEvent> page = client.authEvents(query);

        AuthEvent deleted = page.items().get(0);
        assertThat(deleted.type()).isEqualTo("api_key.deleted");
        assertThat(deleted.keyId()).isEqualTo("key_xxxx");
        assertThat(deleted.message()).isEqualTo("Key key_xxxx deleted by ops@example.com");
        assertThat(deleted.clientIp()).isEqualTo("203.0.113.9");
        assertThat(deleted.occurredAt()).isEqualTo(Instant.ofEpochSecond(1720804190));
        AuthEvent failed = page.items().get(1);
        assertThat(failed.code()).isEqualTo("invalid_password");
        assertThat(failed.message()).isEqualTo("Failed login by eve@example.com: Wrong password");
        assertThat(page.nextCursor()).isEqualTo("audit_log-2");
        assertThat(server.requests().get(0).decodedQuery()).isEqualTo("event_types[]=api_key.created"
                + "&event_types[]=api_key.updated&event_types[]=api_key.deleted&event_types[]=login.failed"
                + "&effective_at[gte]=1720000000&limit=50");
    }

    @Test
    void openAisErrorObjectAndRequestIdHeaderAreReported() {
        server.enqueue(Reply.json(401, "{\"error\":{\"message\":\"Incorrect API key provided: sk-admin****0000.\","
                + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}")
                .withHeader("x-request-id", "req_8f1d"));

        assertThatThrownBy(() -> client.tokenInfo())
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNAUTHENTICATED);
                    assertThat(e.code()).isEqualTo("invalid_api_key");
                    assertThat(e.getMessage()).startsWith("Incorrect API key provided");
                    assertThat(e.requestId()).isEqualTo("req_8f1d");
                });
    }
}
