package io.keydeck.gateway.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.admin.organization.adminapikeys.AdminApiKey;
import com.openai.models.admin.organization.adminapikeys.AdminApiKeyCreateParams;
import com.openai.models.admin.organization.adminapikeys.AdminApiKeyCreateResponse;
import com.openai.models.admin.organization.auditlogs.AuditLogListResponse;
import com.openai.models.admin.organization.projects.apikeys.ApiKeyListParams;
import com.openai.models.admin.organization.projects.apikeys.ProjectApiKey;
import com.openai.models.admin.organization.usage.UsageCompletionsParams;
import com.openai.models.admin.organization.usage.UsageCompletionsResponse;
import com.openai.models.admin.organization.usage.UsageCostsParams;
import com.openai.models.admin.organization.usage.UsageCostsResponse;
import com.openai.models.admin.organization.usage.UsageEmbeddingsParams;
import com.openai.models.admin.organization.usage.UsageEmbeddingsResponse;
import io.keydeck.gateway.AdminToken;
import io.keydeck.gateway.GatewayTarget;
import io.keydeck.gateway.fixture.FixtureServer;
import io.keydeck.gateway.fixture.FixtureServer.Reply;
import io.keydeck.gateway.fixture.RecordingSleeper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answers {@link OpenAiClientTest} feeds the driver, read by OpenAI's official Java SDK
 * ({@code com.openai:openai-java}) through the same fixture server, with {@code validate()} on every model:
 * a fixture that drifts from the real API (a missing required field, a wrong type) fails here.
 */
class OpenAiFixturesAgainstTheSdkTest {
    private FixtureServer server;
    private OpenAIClient sdk;

    @BeforeEach
    void start() throws Exception {
        server = FixtureServer.start();
        sdk = OpenAIOkHttpClient.builder().baseUrl(server.baseUrl() + "/v1").adminApiKey("sk-admin-oracle")
                .apiKey("sk-unused").maxRetries(0).build();
    }

    @AfterEach
    void stop() {
        sdk.close();
        server.close();
    }

    private static String list(String... items) {
        return "{\"object\":\"list\",\"data\":[" + String.join(",", items) + "],\"has_more\":false,"
                + "\"first_id\":\"x\",\"last_id\":\"x\"}";
    }

    @Test
    void theAdminKeyFixturesAreAdminApiKeysAsTheSdkModelsThem() {
        server.enqueue(Reply.json(200, list(OpenAiClientTest.ADMIN_KEY)),
                Reply.json(200, OpenAiClientTest.ADMIN_KEY.replace("\"redacted_value\"",
                        "\"value\":\"sk-admin-1234abcd\",\"redacted_value\"")));

        List<AdminApiKey> keys = sdk.admin().organization().adminApiKeys().list().items();
        keys.forEach(AdminApiKey::validate);
        AdminApiKeyCreateResponse created = sdk.admin().organization().adminApiKeys()
                .create(AdminApiKeyCreateParams.builder().name("New Admin Key").build()).validate();

        assertThat(keys).singleElement().satisfies(k -> assertThat(k.id()).isEqualTo("key_abc"));
        assertThat(created.value()).isEqualTo("sk-admin-1234abcd");
        assertThat(server.requests().get(0).path()).isEqualTo("/v1/organization/admin_api_keys");
    }

    @Test
    void theProjectKeyFixturesAreProjectApiKeysAsTheSdkModelsThem() {
        server.enqueue(Reply.json(200, list(OpenAiClientTest.PROJECT_KEY, OpenAiClientTest.SERVICE_ACCOUNT_KEY,
                OpenAiClientTest.KEY_OF_AN_OWNER_WHO_LEFT)));

        List<ProjectApiKey> keys = sdk.admin().organization().projects().apiKeys().list("proj_a").items();

        keys.forEach(ProjectApiKey::validate);
        assertThat(keys).extracting(ProjectApiKey::id).containsExactly("key_p1", "key_s1", "key_gone");
        assertThat(keys.get(1).owner().serviceAccount()).hasValueSatisfying(
                a -> assertThat(a.name()).isEqualTo("ci-bot"));
        assertThat(keys.get(2).ownerProjectAccess()).isEqualTo(ProjectApiKey.OwnerProjectAccess.INACTIVE);
    }

    /**
     * The driver lists a project's keys of every owner, those who lost access to the project included, with the
     * query the SDK sends for {@code owner_project_access=any}, page by page after the last id.
     */
    @Test
    void theDriverListsProjectKeysOfEveryOwnerAsTheSdkAsksForThem() throws Exception {
        String more = "{\"object\":\"list\",\"data\":[" + OpenAiClientTest.PROJECT_KEY + "],\"has_more\":true,"
                + "\"first_id\":\"key_p1\",\"last_id\":\"key_p1\"}";
        String last = "{\"object\":\"list\",\"data\":[],\"has_more\":false}";
        String projects = "{\"object\":\"list\",\"data\":[{\"id\":\"proj_a\",\"object\":\"organization.project\","
                + "\"name\":\"Website\",\"created_at\":1711471533,\"archived_at\":null,\"status\":\"active\"}],"
                + "\"has_more\":false,\"first_id\":\"proj_a\",\"last_id\":\"proj_a\"}";
        server.enqueue(Reply.json(200, more), Reply.json(200, last),
                Reply.json(200, projects), Reply.json(200, more), Reply.json(200, last));

        sdk.admin().organization().projects().apiKeys().list("proj_a", ApiKeyListParams.builder().limit(100L)
                .ownerProjectAccess(ApiKeyListParams.OwnerProjectAccess.ANY).build()).autoPager().forEach(k -> { });
        try (OpenAiClient driver = new OpenAiDriver(new RecordingSleeper().options())
                .connect(new GatewayTarget(server.baseUrl(), AdminToken.of("sk-admin-driver0000")))) {
            driver.listKeys(driver.listKeys("project:proj_a:", 100, false).nextCursor(), 100, false);
        }

        List<FixtureServer.Recorded> sent = server.requests();
        assertThat(sent).hasSize(5);
        assertThat(sent.get(2).path()).isEqualTo("/v1/organization/projects");
        for (int i = 0; i < 2; i++) {
            assertThat(sent.get(i + 3).path()).isEqualTo(sent.get(i).path());
            assertThat(Set.of(sent.get(i + 3).decodedQuery().split("&")))
                    .isEqualTo(Set.of(sent.get(i).decodedQuery().split("&")));
        }
        assertThat(sent.get(1).decodedQuery()).contains("after=key_p1");
    }

    /**
     * The costs report the driver reads per key: the fixture is a costs page as the SDK models it, and the driver's
     * query (one-day buckets grouped by {@code api_key_id} from the earliest day it needs) is the one the SDK sends
     * for the same report. The SDK writes a list as {@code group_by[]=…}, OpenAI's OpenAPI file as a repeated
     * {@code group_by=…} (form style), which the driver follows and Prism checks; the names are compared without
     * the brackets.
     */
    @Test
    void theCostsFixtureIsACostsPageAndTheDriverAsksForItAsTheSdkDoes() throws Exception {
        LocalDate day = LocalDate.of(2026, 11, 24);
        String costs = OpenAiClientTest.costsPage(OpenAiClientTest.costBucket(day, "key_p1", "1.5", "key_p2", "0.25"));
        String empty = "{\"object\":\"list\",\"data\":[],\"has_more\":false}";
        server.enqueue(Reply.json(200, costs), Reply.json(200, costs), Reply.json(200, empty),
                Reply.json(200, empty));

        UsageCostsResponse page = sdk.admin().organization().usage().costs(UsageCostsParams.builder()
                .startTime(day.atStartOfDay(ZoneOffset.UTC).toEpochSecond())
                .bucketWidth(UsageCostsParams.BucketWidth._1D).addGroupBy(UsageCostsParams.GroupBy.API_KEY_ID)
                .limit(8L).build()).validate();
        try (OpenAiClient driver = new OpenAiDriver(new RecordingSleeper().options(),
                Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC))
                .connect(new GatewayTarget(server.baseUrl(), AdminToken.of("sk-admin-driver0000")))) {
            driver.listKeys(null, 100, false);
        }

        assertThat(page.data()).singleElement().satisfies(b -> assertThat(b.results()).hasSize(2));
        List<FixtureServer.Recorded> sent = server.requests();
        assertThat(sent.get(1).path()).isEqualTo(sent.get(0).path()).isEqualTo("/v1/organization/costs");
        assertThat(Set.of(sent.get(1).decodedQuery().split("&")))
                .isEqualTo(Set.of(sent.get(0).decodedQuery().replace("[]=", "=").split("&")));
    }

    /**
     * The costs report that prices one key's daily usage buckets: the fixture (that key's cost on one day, and a cost
     * of a key without counted traffic) is a costs page as the SDK models it, and the driver's query — the usage
     * range's days as {@code start_time}/{@code end_time}, one-day buckets grouped by key, the key as
     * {@code api_key_ids}, one bucket per day — is the one the SDK sends for the same report (brackets aside, as above).
     */
    @Test
    void theDriverAsksForADailyUsageRangesCostsAsTheSdkDoes() throws Exception {
        LocalDate day = LocalDate.of(2024, 11, 1);
        String costs = OpenAiClientTest.costsPage(OpenAiClientTest.costBucket(day, "key_p1", "2.25"),
                OpenAiClientTest.costBucket(day.plusDays(1), "key_images", "0.4"));
        String noUsage = "{\"object\":\"page\",\"data\":[],\"has_more\":false,\"next_page\":null}";
        server.enqueue(Reply.json(200, costs), Reply.json(200, costs), Reply.json(200, noUsage),
                Reply.json(200, noUsage));
        long start = day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();

        UsageCostsResponse page = sdk.admin().organization().usage().costs(UsageCostsParams.builder()
                .startTime(start).endTime(start + 2 * 86_400).bucketWidth(UsageCostsParams.BucketWidth._1D)
                .addGroupBy(UsageCostsParams.GroupBy.API_KEY_ID).addApiKeyId("key_p1").limit(2L).build()).validate();
        try (OpenAiClient driver = new OpenAiDriver(new RecordingSleeper().options())
                .connect(new GatewayTarget(server.baseUrl(), AdminToken.of("sk-admin-driver0000")))) {
            io.keydeck.model.UsageSeries priced = driver.usage(new io.keydeck.model.UsageQuery(
                    Instant.ofEpochSecond(start), Instant.ofEpochSecond(start + 2 * 86_400),
                    io.keydeck.model.UsageBucket.DAY, "proj_a/key_p1").withCost());
            assertThat(priced.points()).extracting(p -> p.keyId() + " " + p.cost())
                    .containsExactly("proj_a/key_p1 $2.25", "key_images $0.40");
        }

        assertThat(page.data()).hasSize(2);
        List<FixtureServer.Recorded> sent = server.requests();
        assertThat(sent.get(1).path()).isEqualTo(sent.get(0).path()).isEqualTo("/v1/organization/costs");
        assertThat(Set.of(sent.get(1).decodedQuery().split("&")))
                .isEqualTo(Set.of(sent.get(0).decodedQuery().replace("[]=", "=").split("&")));
    }

    @Test
    void theUsageFixturesAreCompletionsAndEmbeddingsUsagePagesAsTheSdkModelsThem() {
        server.enqueue(Reply.json(200, OpenAiClientTest.USAGE_PAGE), Reply.json(200, OpenAiClientTest.EMBEDDINGS_PAGE));

        UsageCompletionsResponse completions = sdk.admin().organization().usage().completions(
                UsageCompletionsParams.builder().startTime(1730419200L).build()).validate();
        UsageEmbeddingsResponse embeddings = sdk.admin().organization().usage().embeddings(
                UsageEmbeddingsParams.builder().startTime(1730419200L).build()).validate();

        assertThat(completions.data()).hasSize(1);
        assertThat(completions.hasMore()).isTrue();
        assertThat(embeddings.data()).hasSize(2);
        assertThat(server.requests().get(1).path()).isEqualTo("/v1/organization/usage/embeddings");
    }

    @Test
    void theAuditLogFixtureIsAnAuditLogPageAsTheSdkModelsIt() {
        server.enqueue(Reply.json(200, OpenAiClientTest.AUDIT_PAGE));

        List<AuditLogListResponse> events = sdk.admin().organization().auditLogs().list().items();

        events.forEach(AuditLogListResponse::validate);
        assertThat(events).extracting(e -> e.type().asString()).containsExactly("api_key.deleted", "login.failed");
    }
}
