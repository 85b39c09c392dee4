package io.keydeck.gateway.anthropic;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.beta.organization.BetaOrganization;
import com.anthropic.models.beta.organization.apikeys.ApiKeyListPage;
import com.anthropic.models.beta.organization.apikeys.ApiKeyUpdateParams;
import com.anthropic.models.beta.organization.apikeys.BetaApiKey;
import io.keydeck.gateway.fixture.FixtureServer;
import io.keydeck.gateway.fixture.FixtureServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answers {@link AnthropicClientTest} feeds the driver, read by Anthropic's official Java SDK
 * ({@code com.anthropic:anthropic-java}, its {@code beta().organization()} Admin API models) through the
 * same fixture server, with {@code validate()} on every model: a fixture that drifts from the real API (a
 * missing required field such as {@code scope}, an unknown {@code status}, a wrong {@code type}) fails here.
 */
class AnthropicFixturesAgainstTheSdkTest {
    private FixtureServer server;
    private AnthropicClient sdk;

    @BeforeEach
    void start() throws Exception {
        server = FixtureServer.start();
        sdk = AnthropicOkHttpClient.builder().baseUrl(server.baseUrl().toString()).apiKey("sk-ant-admin01-oracle")
                .maxRetries(0).build();
    }

    @AfterEach
    void stop() {
        sdk.close();
        server.close();
    }

    @Test
    void theKeyListFixturesAreApiKeysAsTheSdkModelsThem() {
        server.enqueue(Reply.json(200, "{\"data\":[" + AnthropicClientTest.key("apikey_1", "active") + ","
                + AnthropicClientTest.key("apikey_2", "inactive") + "," + AnthropicClientTest.key("apikey_3", "archived")
                + "],\"has_more\":false,\"first_id\":\"apikey_1\",\"last_id\":\"apikey_3\"}"));

        ApiKeyListPage page = sdk.beta().organization().apiKeys().list();

        page.response().validate();
        assertThat(page.items()).extracting(k -> k.status().asString())
                .containsExactly("active", "inactive", "archived");
        assertThat(server.requests().get(0).path()).isEqualTo("/v1/organizations/api_keys");
    }

    @Test
    void theWorkspaceOrganizationAndExpiredFixturesAreApiKeysAsTheSdkModelsThem() {
        server.enqueue(Reply.json(200, AnthropicClientTest.DEFAULT_WORKSPACE_KEY),
                Reply.json(200, AnthropicClientTest.ORGANIZATION_SCOPED_KEY),
                Reply.json(200, AnthropicClientTest.EXPIRED_KEY));

        BetaApiKey inDefault = sdk.beta().organization().apiKeys().retrieve("apikey_4").validate();
        BetaApiKey organizationWide = sdk.beta().organization().apiKeys().retrieve("apikey_5").validate();
        BetaApiKey expired = sdk.beta().organization().apiKeys().retrieve("apikey_6").validate();

        assertThat(inDefault.scope().workspace()).hasValueSatisfying(
                w -> assertThat(w.workspaceId()).isEqualTo("wrkspc_01Default"));
        assertThat(organizationWide.scope().isOrganization()).isTrue();
        assertThat(organizationWide.principal()).hasValueSatisfying(p -> assertThat(p.isServiceAccountActor()).isTrue());
        assertThat(expired.status()).isEqualTo(BetaApiKey.Status.EXPIRED);
        assertThat(server.requests()).extracting(FixtureServer.Recorded::path).containsExactly(
                "/v1/organizations/api_keys/apikey_4", "/v1/organizations/api_keys/apikey_5",
                "/v1/organizations/api_keys/apikey_6");
    }

    @Test
    void theUpdateAndArchiveAnswersAreApiKeysAsTheSdkModelsThem() {
        server.enqueue(Reply.json(200, AnthropicClientTest.key("apikey_1", "inactive").replace("Developer Key", "renamed")),
                Reply.json(200, AnthropicClientTest.key("apikey_1", "archived")));

        BetaApiKey renamed = sdk.beta().organization().apiKeys().update("apikey_1", ApiKeyUpdateParams.builder()
                .name("renamed").status(ApiKeyUpdateParams.Status.INACTIVE).build()).validate();
        BetaApiKey archived = sdk.beta().organization().apiKeys().update("apikey_1", ApiKeyUpdateParams.builder()
                .status(ApiKeyUpdateParams.Status.ARCHIVED).build()).validate();

        assertThat(renamed.name()).isEqualTo("renamed");
        assertThat(archived.status()).isEqualTo(BetaApiKey.Status.ARCHIVED);
        assertThat(server.requests()).extracting(FixtureServer.Recorded::method).containsExactly("POST", "POST");
        assertThat(server.requests()).extracting(FixtureServer.Recorded::path)
                .containsOnly("/v1/organizations/api_keys/apikey_1");
    }

    @Test
    void theOrganizationFixtureIsTheOrganizationAsTheSdkModelsIt() {
        server.enqueue(Reply.json(200, AnthropicClientTest.ORGANIZATION));

        BetaOrganization me = sdk.beta().organization().retrieve().validate();

        assertThat(me.name()).isEqualTo("Acme");
        assertThat(server.requests().get(0).path()).isEqualTo("/v1/organizations/me");
    }
}
