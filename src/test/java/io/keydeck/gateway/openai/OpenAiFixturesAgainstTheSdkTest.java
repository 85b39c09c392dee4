package io.keydeck.gateway.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.admin.organization.adminapikeys.AdminApiKey;
import com.openai.models.admin.organization.adminapikeys.AdminApiKeyCreateParams;
import com.openai.models.admin.organization.adminapikeys.AdminApiKeyCreateResponse;
import com.openai.models.admin.organization.auditlogs.AuditLogListResponse;
import com.openai.models.admin.organization.projects.apikeys.ProjectApiKey;
import com.openai.models.admin.organization.usage.UsageCompletionsParams;
import com.openai.models.admin.organization.usage.UsageCompletionsResponse;
import io.keydeck.gateway.fixture.FixtureServer;
import io.keydeck.gateway.fixture.FixtureServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

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
    void theProjectKeyFixtureIsAProjectApiKeyAsTheSdkModelsIt() {
        server.enqueue(Reply.json(200, list(OpenAiClientTest.PROJECT_KEY)));

        List<ProjectApiKey> keys = sdk.admin().organization().projects().apiKeys().list("proj_a").items();

        keys.forEach(ProjectApiKey::validate);
        assertThat(keys).singleElement().satisfies(k -> assertThat(k.id()).isEqualTo("key_p1"));
    }

    @Test
    void theUsageFixtureIsACompletionsUsagePageAsTheSdkModelsIt() {
        server.enqueue(Reply.json(200, OpenAiClientTest.USAGE_PAGE));

        UsageCompletionsResponse page = sdk.admin().organization().usage().completions(
                UsageCompletionsParams.builder().startTime(1730419200L).build()).validate();

        assertThat(page.data()).hasSize(1);
        assertThat(page.hasMore()).isTrue();
    }

    @Test
    void theAuditLogFixtureIsAnAuditLogPageAsTheSdkModelsIt() {
        server.enqueue(Reply.json(200, OpenAiClientTest.AUDIT_PAGE));

        List<AuditLogListResponse> events = sdk.admin().organization().auditLogs().list().items();

        events.forEach(AuditLogListResponse::validate);
        assertThat(events).extracting(e -> e.type().asString()).containsExactly("api_key.deleted", "login.failed");
    }
}
