package io.keydeck.gateway.multiroute;

import io.keydeck.gateway.AdminToken;
import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.GatewayTarget;
import io.keydeck.gateway.fixture.RecordingSleeper;
import io.keydeck.model.Amount;
import io.keydeck.model.ApiKey;
import io.keydeck.model.IssuedSecret;
import io.keydeck.model.KeyAccount;
import io.keydeck.model.KeyEnvironment;
import io.keydeck.model.KeyUpdate;
import io.keydeck.model.LimitReset;
import io.keydeck.model.LimitSetting;
import io.keydeck.model.NewKeyRequest;
import io.keydeck.model.OwnerKind;
import io.keydeck.model.RateLimits;
import io.keydeck.model.SpendPeriod;
import io.keydeck.sandbox.SandboxGateway;
import io.keydeck.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The MultiRoute driver reads and writes spend, limits, scopes, models and owners against the sandbox. */
class MultiRouteSpendAndLimitsTest {
    private static SandboxGateway sandbox;
    private GatewayClient client;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = SandboxGateway.start(SandboxOptions.defaults().withTraffic(false).withAuthEvents(0));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void connect() throws GatewayException {
        client = new MultiRouteDriver(new RecordingSleeper().options())
                .connect(new GatewayTarget(sandbox.baseUrl(), AdminToken.of(sandbox.adminToken())));
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    private Map<String, ApiKey> demoKeys() throws Exception {
        return client.listAllKeys(false, n -> { }).stream()
                .collect(Collectors.toMap(ApiKey::name, Function.identity(), (a, b) -> a));
    }

    @Test
    void theDemoKeysArriveWithSpendLimitsAndOwners() throws Exception {
        Map<String, ApiKey> keys = demoKeys();

        KeyAccount near = keys.get("translation-service").account();
        assertThat(near.limit()).isNotNull();
        assertThat(near.limit().reset()).isEqualTo(LimitReset.NEVER);
        assertThat(near.limitUsed()).hasValueSatisfying(used -> assertThat(used).isBetween(0.9, 1.0));
        assertThat(near.spend(SpendPeriod.TOTAL)).hasValueSatisfying(a -> assertThat(a.unit()).isEqualTo("USD"));
        assertThat(near.dailySpend()).hasSize(8);
        assertThat(near.owner()).hasValueSatisfying(o -> assertThat(o.displayName()).isEqualTo("Growth"));

        KeyAccount open = keys.get("web-frontend").account();
        assertThat(open.knownUnlimited()).isTrue();
        assertThat(keys.get("billing-service (prod)").account().knownUnlimited()).isFalse();
        assertThat(keys.get("mobile-app-ios").account().allowedModels()).contains("gpt-4o-mini");
        assertThat(keys.get("mobile-app-ios").account().rateLimits().requestsPerMinute()).isPositive();

        assertThat(keys.get("sales-crm-sync").account().owner()).hasValueSatisfying(o -> {
            assertThat(o.kind()).isEqualTo(OwnerKind.USER);
            assertThat(o.member()).isFalse();
        });
        assertThat(keys.get("dev-alice").account().owner().orElseThrow().member()).isTrue();
    }

    @Test
    void aKeyIsCreatedWithALimitAndItsLimitsScopesAndModelsAreEditedAndRemoved() throws Exception {
        NewKeyRequest request = new NewKeyRequest("budgeted", List.of("chat:write"), KeyEnvironment.LIVE, null,
                LimitSetting.usd(new BigDecimal("25"), LimitReset.WEEKLY), new RateLimits(60L, null));
        String id;
        try (IssuedSecret issued = client.createKey(request, null)) {
            id = issued.key().id();
            assertThat(issued.key().account().limit().amount()).isEqualTo(Amount.usd(25));
            assertThat(issued.key().account().limit().reset()).isEqualTo(LimitReset.WEEKLY);
            assertThat(issued.key().account().limit().resetsAt()).isNotNull();
            assertThat(issued.key().account().rateLimits()).isEqualTo(new RateLimits(60L, null));
        }

        ApiKey monthly = client.updateKey(id, KeyUpdate.limit(LimitSetting.usd(new BigDecimal("50.5"), LimitReset.MONTHLY)));
        assertThat(monthly.account().limit().display()).isEqualTo("$50.50 a month");
        assertThat(monthly.account().rateLimits().requestsPerMinute()).as("a budget change leaves rates alone")
                .isEqualTo(60L);
        assertThat(monthly.account().limitUsed()).contains(0.0);

        ApiKey rescoped = client.updateKey(id, new KeyUpdate(null, null, null, null, List.of("chat:write", "models:read"),
                List.of("gpt-4o-mini")));
        assertThat(rescoped.scopes()).containsExactly("chat:write", "models:read");
        assertThat(rescoped.account().allowedModels()).containsExactly("gpt-4o-mini");

        ApiKey open = client.updateKey(id, new KeyUpdate(null, null, LimitSetting.REMOVE, RateLimits.NONE, null, null));
        assertThat(open.account().limit()).isNull();
        assertThat(open.account().knownUnlimited()).isTrue();
    }

    @Test
    void aPlainMultiRouteKeyWithoutTheExtensionIsUnknownNotUnlimited() throws Exception {
        ApiKey plain = MultiRouteJson.apiKey(new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                "{\"id\":\"key_1\",\"name\":\"plain\",\"scopes\":[\"inference\"]}"), "req_1");
        assertThat(plain.account()).isSameAs(KeyAccount.UNKNOWN);
        assertThat(plain.account().knownUnlimited()).isFalse();

        ApiKey odd = MultiRouteJson.apiKey(new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                "{\"id\":\"key_2\",\"spend\":{\"unit\":\"credits\",\"month\":\"12\",\"day\":-3},"
                        + "\"limits\":{\"budget\":{\"amount\":\"many\"},\"requests_per_minute\":\"x\"},"
                        + "\"owner\":{\"kind\":\"galaxy\",\"id\":\"g\"}}"), "req_2");
        assertThat(odd.account().spend(SpendPeriod.MONTH)).contains(new Amount(new BigDecimal("12"), "credits"));
        assertThat(odd.account().spend(SpendPeriod.DAY)).as("a negative spend is not believed").isEmpty();
        assertThat(odd.account().limit()).isNull();
        assertThat(odd.account().limitsReported()).isTrue();
        assertThat(odd.account().owners()).isEmpty();
    }
}
