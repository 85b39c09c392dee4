package io.keydeck.gateway.anthropic;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.beta.organization.BetaOrganization;
import com.anthropic.models.beta.organization.apikeys.ApiKeyListPage;
import com.anthropic.models.beta.organization.apikeys.ApiKeyListParams;
import com.anthropic.models.beta.organization.apikeys.ApiKeyUpdateParams;
import com.anthropic.models.beta.organization.apikeys.BetaApiKey;
import com.anthropic.models.beta.organization.users.BetaOrganizationUser;
import com.anthropic.models.beta.organization.users.UserListPage;
import com.anthropic.models.beta.organization.users.UserListParams;
import com.anthropic.models.beta.organization.workspaces.BetaWorkspace;
import com.anthropic.models.beta.organization.workspaces.WorkspaceListPage;
import com.anthropic.models.beta.organization.workspaces.WorkspaceListParams;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keydeck.gateway.AdminToken;
import io.keydeck.gateway.GatewayTarget;
import io.keydeck.gateway.fixture.FixtureServer;
import io.keydeck.gateway.fixture.FixtureServer.Reply;
import io.keydeck.gateway.fixture.RecordingSleeper;
import io.keydeck.model.KeyUpdate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answers {@link AnthropicClientTest} feeds the driver, read by Anthropic's official Java SDK
 * ({@code com.anthropic:anthropic-java}, its {@code beta().organization()} Admin API models) through the
 * same fixture server, with {@code validate()} on every model: a fixture that drifts from the real API (a
 * missing required field such as {@code scope}, an unknown {@code status}, a wrong {@code type}) fails here.
 * Anthropic publishes no OpenAPI file for the Admin API, so the SDK jar (3.16.0) is the reference; the owner
 * fields were read in its source, {@code anthropics/anthropic-sdk-java}: {@code BetaApiKey.kt} ({@code principal},
 * {@code created_by}, {@code scope}) and {@code users/UserListParams.kt} at
 * {@code 92aa3560cbb2c033ba0fc3369d4f8dd3b917c3c6}, {@code workspaces/BetaWorkspace.kt} at
 * {@code 5eefbe1b52029ae82bedffebb7d7151afe6b8445} and {@code workspaces/WorkspaceListParams.kt} at
 * {@code 3adde69133073e91066efacfbd510cb43e8c6304}.
 */
class AnthropicFixturesAgainstTheSdkTest {
    private static final ObjectMapper JSON = new ObjectMapper();
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
    void theDriverSendsTheListQueryAndUpdateBodiesTheSdkSends() throws Exception {
        String page = "{\"data\":[],\"has_more\":false,\"first_id\":null,\"last_id\":null}";
        String updated = AnthropicClientTest.key("apikey_1", "archived");
        server.enqueue(Reply.json(200, page), Reply.json(200, updated), Reply.json(200, updated),
                Reply.json(200, page), Reply.json(200, updated), Reply.json(200, updated));

        sdk.beta().organization().apiKeys().list(ApiKeyListParams.builder().limit(20L).afterId("apikey_2").build());
        sdk.beta().organization().apiKeys().update("apikey_1", ApiKeyUpdateParams.builder()
                .name("renamed").status(ApiKeyUpdateParams.Status.INACTIVE).build());
        sdk.beta().organization().apiKeys().update("apikey_1", ApiKeyUpdateParams.builder()
                .status(ApiKeyUpdateParams.Status.ARCHIVED).build());
        try (io.keydeck.gateway.anthropic.AnthropicClient driver = new AnthropicDriver(new RecordingSleeper().options())
                .connect(new GatewayTarget(server.baseUrl(), AdminToken.of("sk-ant-admin01-driver")))) {
            driver.listKeys("apikey_2", 20, false);
            driver.updateKey("apikey_1", new KeyUpdate("renamed", true));
            driver.revokeKey("apikey_1");
        }

        List<FixtureServer.Recorded> sent = server.requests();
        for (int i = 0; i < 3; i++) {
            FixtureServer.Recorded bySdk = sent.get(i);
            FixtureServer.Recorded byDriver = sent.get(i + 3);
            assertThat(byDriver.method()).isEqualTo(bySdk.method());
            assertThat(byDriver.path()).isEqualTo(bySdk.path());
            assertThat(queryWithoutBetaFlag(byDriver)).isEqualTo(queryWithoutBetaFlag(bySdk));
            if (!bySdk.body().isEmpty()) {
                assertThat(JSON.readTree(byDriver.body())).isEqualTo(JSON.readTree(bySdk.body()));
            }
        }
    }

    /**
     * The SDK marks its beta resources with {@code beta=true}; the rest of the query must be the same. (Its
     * {@code anthropic-version} header, 2026-10-21 in 3.16.0, is not compared: the driver keeps 2023-06-01.)
     */
    private static Set<String> queryWithoutBetaFlag(FixtureServer.Recorded request) {
        String query = request.decodedQuery();
        return query == null || query.isEmpty() ? Set.of() : Arrays.stream(query.split("&"))
                .filter(p -> !p.equals("beta=true")).collect(Collectors.toSet());
    }

    @Test
    void theWorkspaceAndMemberFixturesAreWorkspacesAndUsersAsTheSdkModelsThem() {
        server.enqueue(Reply.json(200, AnthropicClientTest.page(false, "wrkspc_02",
                        AnthropicClientTest.workspace("wrkspc_01Jw", "Production"),
                        AnthropicClientTest.workspace("wrkspc_02", "Staging"))),
                Reply.json(200, AnthropicClientTest.page(false, "user_01WCz",
                        AnthropicClientTest.member("user_01WCz", "ada@example.com"))));

        WorkspaceListPage workspaces = sdk.beta().organization().workspaces().list();
        UserListPage members = sdk.beta().organization().users().list();

        workspaces.response().validate();
        members.response().validate();
        assertThat(workspaces.items()).extracting(BetaWorkspace::name).containsExactly("Production", "Staging");
        assertThat(members.items()).extracting(BetaOrganizationUser::email).containsExactly("ada@example.com");
    }

    /**
     * Before the keys the driver reads the workspaces (archived ones too) and the members, 1,000 a page, after the
     * last id; the SDK asked for the same pages sends the same queries.
     */
    @Test
    void theDriverAsksForWorkspacesAndMembersAsTheSdkDoes() throws Exception {
        String more = AnthropicClientTest.page(true, "wrkspc_01Jw", AnthropicClientTest.workspace("wrkspc_01Jw", "P"));
        String last = AnthropicClientTest.page(false, null);
        String members = AnthropicClientTest.page(true, "user_01WCz", AnthropicClientTest.member("user_01WCz", "a@b.c"));
        server.enqueue(Reply.json(200, more), Reply.json(200, last), Reply.json(200, members), Reply.json(200, last),
                Reply.json(200, more), Reply.json(200, last), Reply.json(200, members), Reply.json(200, last),
                Reply.json(200, last));

        sdk.beta().organization().workspaces().list(WorkspaceListParams.builder().limit(1000L).includeArchived(true)
                .build()).autoPager().forEach(w -> { });
        sdk.beta().organization().users().list(UserListParams.builder().limit(1000L).build()).autoPager()
                .forEach(u -> { });
        try (io.keydeck.gateway.anthropic.AnthropicClient driver = new AnthropicDriver(new RecordingSleeper().options())
                .connect(new GatewayTarget(server.baseUrl(), AdminToken.of("sk-ant-admin01-driver")))) {
            driver.listKeys(null, 20, false);
        }

        List<FixtureServer.Recorded> sent = server.requests();
        assertThat(sent).hasSize(9);
        for (int i = 0; i < 4; i++) {
            assertThat(sent.get(i + 4).path()).isEqualTo(sent.get(i).path());
            assertThat(queryWithoutBetaFlag(sent.get(i + 4))).isEqualTo(queryWithoutBetaFlag(sent.get(i)));
        }
        assertThat(sent.get(1).decodedQuery()).contains("after_id=wrkspc_01Jw");
    }

    @Test
    void theOrganizationFixtureIsTheOrganizationAsTheSdkModelsIt() {
        server.enqueue(Reply.json(200, AnthropicClientTest.ORGANIZATION));

        BetaOrganization me = sdk.beta().organization().retrieve().validate();

        assertThat(me.name()).isEqualTo("Acme");
        assertThat(server.requests().get(0).path()).isEqualTo("/v1/organizations/me");
    }
}
