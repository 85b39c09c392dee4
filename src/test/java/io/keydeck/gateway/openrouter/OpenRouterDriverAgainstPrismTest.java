package io.keydeck.gateway.openrouter;

import io.keydeck.gateway.AdminToken;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.GatewayTarget;
import io.keydeck.gateway.fixture.PrismMock;
import io.keydeck.gateway.fixture.PrismServers;
import io.keydeck.gateway.fixture.RecordingSleeper;
import io.keydeck.model.Amount;
import io.keydeck.model.ApiKey;
import io.keydeck.model.KeyAccount;
import io.keydeck.model.LimitReset;
import io.keydeck.model.LimitSetting;
import io.keydeck.model.OwnerKind;
import io.keydeck.model.SpendPeriod;
import io.keydeck.model.IssuedSecret;
import io.keydeck.model.KeyUpdate;
import io.keydeck.model.NewKeyRequest;
import io.keydeck.model.Page;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The OpenRouter driver against the OpenAPI file of OpenRouter's own SDK (the subset in
 * {@code openapi/openrouter-keys.yaml}, cut from OpenRouterTeam/typescript-sdk) served by Prism, which fails
 * every request that breaks the file: once from the file's examples, three rounds from random valid data.
 */
class OpenRouterDriverAgainstPrismTest {
    private static final String SPEC = "/openapi/openrouter-keys.yaml";
    @RegisterExtension
    static final PrismServers PRISM = new PrismServers(SPEC);

    private static OpenRouterClient client(PrismMock prism) throws GatewayException {
        return new OpenRouterDriver(new RecordingSleeper().options())
                .connect(new GatewayTarget(prism.baseUrl(), AdminToken.of("sk-or-v1-prism00000000000000000000")));
    }

    /**
     * Every call the driver makes. Pages are followed at most five times: a mock answering from examples
     * (or at random) never runs out of keys as a real account does.
     */
    private static List<ApiKey> everyOperation(PrismMock prism, OpenRouterClient client) {
        try {
            List<ApiKey> listed = new java.util.ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                Page<ApiKey> page = client.listKeys(cursor, 100, false);
                listed.addAll(page.items());
                cursor = page.nextCursor();
            } while (cursor != null && ++pages < 5);
            try (IssuedSecret issued = client.createKeyWithLimit(new NewKeyRequest("ci", List.of(), null,
                    Instant.parse("2027-12-31T23:59:59Z")), new OpenRouterLimit(new BigDecimal("50"),
                    OpenRouterLimit.Reset.MONTHLY))) {
                assertThat(issued.secret()).isNotEmpty();
            }
            try (IssuedSecret issued = client.createKey(new NewKeyRequest("capped", List.of(), null, null)
                    .withLimit(LimitSetting.usd(new BigDecimal("20"), LimitReset.WEEKLY)), null)) {
                assertThat(issued.secret()).isNotEmpty();
            }
            client.updateKey("f01d52606dc8", KeyUpdate.limit(LimitSetting.usd(new BigDecimal("75"), LimitReset.DAILY)));
            client.updateKey("f01d52606dc8", KeyUpdate.limit(LimitSetting.usd(new BigDecimal("5"), LimitReset.NEVER)));
            client.updateKey("f01d52606dc8", KeyUpdate.limit(LimitSetting.REMOVE));
            client.updateKey("f01d52606dc8", KeyUpdate.rename("renamed"));
            client.updateKey("f01d52606dc8", KeyUpdate.disabled(true));
            client.setLimit("f01d52606dc8", null);
            client.getKey("f01d52606dc8");
            client.revokeKey("f01d52606dc8");
            client.tokenInfo();
            return listed;
        } catch (GatewayException e) {
            fail("OpenRouter's reference refused or could not be read: " + e.getMessage() + "\nPrism said:\n"
                    + prism.log().lines().filter(l -> l.contains("✖")).toList());
            return List.of();
        }
    }

    @Test
    void everyCallIsValidAgainstTheReferenceAndItsExamplesReadRight() throws Exception {
        try (OpenRouterClient client = client(PRISM.examples())) {
            List<ApiKey> listed = everyOperation(PRISM.examples(), client);

            ApiKey first = listed.get(0);
            assertThat(first.id()).isEqualTo("f01d52606dc8f0a8303a7b5cc3fa07109c2e346cec7c0a16b40de462992ce943");
            // The file's workspace example has another id than its key example, so the key shows the id.
            assertThat(first.attributes()).containsEntry("Workspace", "0df9e665-d932-5740-b2c7-b52af166bc11")
                    .containsEntry("Credit limit", "$100.00");
        }
    }

    /** The reference's example key (usage 25.5 in every period, limit 100 monthly, 74.5 left) as typed spend. */
    @Test
    void theExampleKeysUsageAndLimitBecomeTypedSpendALimitAndItsWorkspace() throws Exception {
        try (OpenRouterClient client = client(PRISM.examples())) {
            ApiKey first = client.listKeys(null, 100, false).items().get(0);

            KeyAccount account = first.account();
            assertThat(account.spend(SpendPeriod.TOTAL)).contains(Amount.usd(25.5));
            assertThat(account.spend(SpendPeriod.DAY)).contains(Amount.usd(25.5));
            assertThat(account.spend(SpendPeriod.WEEK)).contains(Amount.usd(25.5));
            assertThat(account.spend(SpendPeriod.MONTH)).contains(Amount.usd(25.5));
            assertThat(account.limit().display()).isEqualTo("$100.00 a month");
            assertThat(account.limit().remaining()).isEqualTo(Amount.usd(74.5));
            assertThat(account.limitUsed()).contains(0.255);
            assertThat(account.owner()).hasValueSatisfying(o -> {
                assertThat(o.kind()).isEqualTo(OwnerKind.WORKSPACE);
                assertThat(o.id()).isEqualTo("0df9e665-d932-5740-b2c7-b52af166bc11");
            });
        }
    }

    @RepeatedTest(3)
    void everyCallIsValidAndEveryRandomSchemaValidAnswerIsRead() throws Exception {
        try (OpenRouterClient client = client(PRISM.dynamic())) {
            everyOperation(PRISM.dynamic(), client);
        }
    }

    /**
     * Proof that Prism does validate: a workspace id that is no UUID breaks the file and is refused (400,
     * the error answer the file itself defines for this operation).
     */
    @Test
    void prismRefusesARequestThatBreaksTheReference() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        PRISM.examples().baseUrl().resolve("/api/v1/keys?workspace_id=not-a-uuid"))
                .header("Authorization", "Bearer sk-or-v1-prism").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(400);
    }
}
