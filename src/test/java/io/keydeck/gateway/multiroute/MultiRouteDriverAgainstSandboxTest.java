package io.keydeck.gateway.multiroute;

import io.keydeck.gateway.AdminToken;
import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.GatewayException.Kind;
import io.keydeck.gateway.GatewayTarget;
import io.keydeck.gateway.http.HttpOptions;
import io.keydeck.gateway.fixture.RecordingSleeper;
import io.keydeck.gateway.http.SecretAlreadyShownException;
import io.keydeck.model.ApiKey;
import io.keydeck.model.AuthEvent;
import io.keydeck.model.AuthEventQuery;
import io.keydeck.model.IssuedSecret;
import io.keydeck.model.KeyEnvironment;
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
import io.keydeck.sandbox.SandboxGateway;
import io.keydeck.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The MultiRoute driver over real HTTP against the embedded sandbox: every endpoint and every error. */
class MultiRouteDriverAgainstSandboxTest {
    private static SandboxGateway sandbox;

    private RecordingSleeper sleeper;
    private GatewayClient client;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = SandboxGateway.start(SandboxOptions.defaults().withKeys(1050).withTraffic(false));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void connect() throws Exception {
        sandbox.faults().clear();
        sleeper = new RecordingSleeper();
        client = connectWith(sandbox.adminToken());
    }

    @AfterEach
    void disconnect() {
        client.close();
        sandbox.faults().clear();
    }

    private GatewayClient connectWith(String token) throws GatewayException {
        HttpOptions options = sleeper.options();
        return new MultiRouteDriver(options).connect(new GatewayTarget(sandbox.baseUrl(), AdminToken.of(token)));
    }

    private static NewKeyRequest newKey(String name) {
        return new NewKeyRequest(name, List.of("chat:write"), KeyEnvironment.LIVE, null);
    }

    private static void assertGatewayError(Executable call, Kind kind, int status, String code) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(GatewayException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.httpStatus()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.requestId()).startsWith("req_");
            assertThat(e.getMessage()).isNotBlank();
        });
    }

    @Test
    void listingAllKeysPagesThroughEveryKeyExactlyOnce() throws Exception {
        List<Integer> progress = new java.util.ArrayList<>();

        List<ApiKey> all = client.listAllKeys(true, progress::add);

        Set<String> ids = new HashSet<>();
        all.forEach(k -> ids.add(k.id()));
        assertThat(all).hasSize(sandbox.keyCount()).hasSizeGreaterThanOrEqualTo(1050);
        assertThat(ids).hasSize(all.size());
        int pages = (all.size() + MultiRouteClient.LIST_ALL_PAGE - 1) / MultiRouteClient.LIST_ALL_PAGE;
        assertThat(progress).hasSize(pages).isSorted().last().isEqualTo(all.size());
        assertThat(all).allSatisfy(k -> assertThat(k.prefix()).startsWith("mrk_"));
    }

    @Test
    void revokedKeysAreOnlyListedWhenAskedFor() throws Exception {
        List<ApiKey> withRevoked = client.listAllKeys(true, n -> { });
        List<ApiKey> active = client.listAllKeys(false, n -> { });

        assertThat(withRevoked).anyMatch(ApiKey::revoked);
        assertThat(active).noneMatch(ApiKey::revoked).hasSizeLessThan(withRevoked.size());
    }

    @Test
    void aCreatedKeyShowsItsSecretOnceAndIsListedByItsHint() throws Exception {
        String name = "create-" + UUID.randomUUID();
        String secret;
        ApiKey created;
        try (IssuedSecret issued = client.createKey(newKey(name), UUID.randomUUID().toString())) {
            secret = new String(issued.secret());
            created = issued.key();
        }

        assertThat(secret).startsWith("mrk_live_").hasSize("mrk_live_".length() + 32);
        assertThat(created.lastFour()).isEqualTo(secret.substring(secret.length() - 4));
        assertThat(created.status(Instant.now())).isEqualTo(KeyStatus.ACTIVE);
        List<ApiKey> listed = client.listAllKeys(false, n -> { });
        assertThat(listed).filteredOn(k -> k.id().equals(created.id())).singleElement()
                .satisfies(k -> assertThat(k.hint()).isEqualTo(created.hint()));
    }

    @Test
    void repeatingACreateWithTheSameIdempotencyKeyDoesNotMakeASecondKey() throws Exception {
        String idempotencyKey = UUID.randomUUID().toString();
        String name = "idem-" + UUID.randomUUID();
        ApiKey first;
        try (IssuedSecret issued = client.createKey(newKey(name), idempotencyKey)) {
            first = issued.key();
        }
        int countAfterFirst = sandbox.keyCount();

        assertThatThrownBy(() -> client.createKey(newKey(name), idempotencyKey))
                .isInstanceOfSatisfying(SecretAlreadyShownException.class,
                        e -> assertThat(e.key().id()).isEqualTo(first.id()));
        assertThat(sandbox.keyCount()).isEqualTo(countAfterFirst);
    }

    @Test
    void aCreateRetriedAfterAServiceUnavailableMakesOneKey() throws Exception {
        int before = sandbox.keyCount();
        sandbox.faults().failNext(1, 503, null);

        try (IssuedSecret issued = client.createKey(newKey("retried-" + UUID.randomUUID()), UUID.randomUUID().toString())) {
            assertThat(issued.secret()).isNotEmpty();
        }
        assertThat(sandbox.keyCount()).isEqualTo(before + 1);
        assertThat(sleeper.delays()).hasSize(1);
    }

    @Test
    void renamingAndDisablingAKeyIsWhatTheListThenShows() throws Exception {
        ApiKey key;
        try (IssuedSecret issued = client.createKey(newKey("to-rename"), UUID.randomUUID().toString())) {
            key = issued.key();
        }

        ApiKey renamed = client.updateKey(key.id(), KeyUpdate.rename("renamed " + key.id()));
        ApiKey disabled = client.updateKey(key.id(), KeyUpdate.disabled(true));

        assertThat(renamed.name()).isEqualTo("renamed " + key.id());
        assertThat(disabled.status(Instant.now())).isEqualTo(KeyStatus.DISABLED);
        assertThat(client.listAllKeys(false, n -> { })).filteredOn(k -> k.id().equals(key.id())).singleElement()
                .satisfies(k -> {
                    assertThat(k.name()).isEqualTo("renamed " + key.id());
                    assertThat(k.disabled()).isTrue();
                });
    }

    @Test
    void aRevokedKeyIsReportedWithRequestIdAndThenListedAsRevoked() throws Exception {
        ApiKey key;
        try (IssuedSecret issued = client.createKey(newKey("to-revoke"), UUID.randomUUID().toString())) {
            key = issued.key();
        }

        RevokeResult result = client.revokeKey(key.id());

        assertThat(result.keyId()).isEqualTo(key.id());
        assertThat(result.revoked()).isTrue();
        assertThat(result.requestId()).startsWith("req_");
        assertThat(client.listAllKeys(true, n -> { })).filteredOn(k -> k.id().equals(key.id())).singleElement()
                .satisfies(k -> assertThat(k.status(Instant.now())).isEqualTo(KeyStatus.REVOKED));
    }

    @Test
    void usageOfThirtyDaysComesBackHourByHour() throws Exception {
        Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS);
        UsageQuery query = new UsageQuery(end.minus(Duration.ofDays(30)), end, UsageBucket.HOUR, null);

        UsageSeries series = client.usage(query);

        assertThat(series.points()).isNotEmpty()
                .allSatisfy(p -> assertThat(p.bucketStart()).isBetween(query.start(), query.end()));
        assertThat(series.points().stream().mapToLong(UsagePoint::requests).sum()).isPositive();
        String oneKey = series.points().get(0).keyId();
        UsageSeries forOneKey = client.usage(new UsageQuery(query.start(), end, UsageBucket.DAY, oneKey));
        assertThat(forOneKey.points()).isNotEmpty().allSatisfy(p -> assertThat(p.keyId()).isEqualTo(oneKey));
    }

    @Test
    void authEventsPageWithCursorsAndFilterByStatus() throws Exception {
        Page<AuthEvent> first = client.authEvents(AuthEventQuery.firstPage(20));
        assertThat(first.items()).hasSize(20);
        assertThat(first.hasMore()).isTrue();
        Page<AuthEvent> second = client.authEvents(AuthEventQuery.firstPage(20).after(first.nextCursor()));
        Set<String> ids = new HashSet<>();
        first.items().forEach(e -> ids.add(e.id()));
        assertThat(second.items()).isNotEmpty().noneMatch(e -> ids.contains(e.id()));

        Page<AuthEvent> forbidden = client.authEvents(new AuthEventQuery(null, null, 401, null, 50, null));
        assertThat(forbidden.items()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.occurredAt()).isNotNull();
        });
    }

    @Test
    void tokenInfoSaysWhoTheAdminTokenIs() throws Exception {
        String jwt = sandbox.mintAdminJwt("ops@example.com", List.of("keys:read", "usage:read"), Duration.ofHours(1));
        try (GatewayClient jwtClient = connectWith(jwt)) {
            TokenInfo info = jwtClient.tokenInfo();

            assertThat(info.subject()).isEqualTo("ops@example.com");
            assertThat(info.scopes()).containsExactlyInAnyOrder("keys:read", "usage:read");
            assertThat(info.expiresAt()).isAfter(Instant.now());
        }
        assertThat(client.tokenInfo().scopes()).contains("keys:manage", "audit:read");
    }

    @Test
    void everyAnswerReportsTheRateLimit() throws Exception {
        client.tokenInfo();

        assertThat(client.lastRateLimit()).hasValueSatisfying(rl -> {
            assertThat(rl.limit()).isPositive();
            assertThat(rl.remaining()).isBetween(0L, rl.limit());
            assertThat(rl.reset()).isNotNull();
        });
    }

    @Test
    void aWrongTokenIsUnauthenticatedInvalidApiKey() throws Exception {
        try (GatewayClient wrong = connectWith("mrk_admin_" + "x".repeat(32))) {
            assertGatewayError(wrong::tokenInfo, Kind.UNAUTHENTICATED, 401, "invalid_api_key");
        }
    }

    @Test
    void anExpiredJwtIsUnauthenticatedExpiredApiKey() throws Exception {
        String expired = sandbox.mintAdminJwt("old", List.of("keys:read"), Duration.ofMinutes(-5));
        try (GatewayClient old = connectWith(expired)) {
            assertGatewayError(() -> old.listKeys(null, 10, false), Kind.UNAUTHENTICATED, 401, "expired_api_key");
        }
    }

    @Test
    void aJwtWithoutKeysManageCannotCreateAndNothingIsCreated() throws Exception {
        String readOnly = sandbox.mintAdminJwt("auditor", List.of("keys:read"), Duration.ofHours(1));
        int before = sandbox.keyCount();
        try (GatewayClient auditor = connectWith(readOnly)) {
            assertGatewayError(() -> auditor.createKey(newKey("nope"), UUID.randomUUID().toString()),
                    Kind.FORBIDDEN, 403, "insufficient_permissions");
        }
        assertThat(sandbox.keyCount()).isEqualTo(before);
    }

    @Test
    void revokingAnUnknownKeyIsNotFound() {
        assertGatewayError(() -> client.revokeKey("key_does_not_exist"), Kind.NOT_FOUND, 404, "not_found");
    }

    @Test
    void anUnknownScopeIsAnInvalidRequest() {
        NewKeyRequest bad = new NewKeyRequest("bad", List.of("bogus:scope"), KeyEnvironment.LIVE, null);

        assertGatewayError(() -> client.createKey(bad, UUID.randomUUID().toString()), Kind.INVALID_REQUEST, 422,
                "invalid_request");
    }

    @Test
    void persistentRateLimitingEndsAsRateLimitedAfterTheRetries() {
        sandbox.faults().failNext(4, 429, Duration.ofSeconds(2));

        assertGatewayError(client::tokenInfo, Kind.RATE_LIMITED, 429, "rate_limit_exceeded");
        assertThat(sleeper.delays()).hasSize(3).allSatisfy(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ofSeconds(2)));
    }

    @Test
    void aServiceUnavailableThenOkIsRetriedTransparently() throws Exception {
        sandbox.faults().failNext(1, 503, null);

        assertThat(client.listKeys(null, 5, false).items()).hasSize(5);
        assertThat(sleeper.delays()).hasSize(1);
    }

    @Test
    void anHtmlErrorPageIsReportedAsAShortSentence() {
        sandbox.faults().htmlErrorNext(4);

        assertThatThrownBy(client::tokenInfo).isInstanceOfSatisfying(GatewayException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.SERVER);
            assertThat(e.getMessage()).contains("HTML page instead of JSON").doesNotContain("<");
        });
    }

    @Test
    void truncatedJsonIsAProtocolError() {
        sandbox.faults().malformedJsonNext(1);

        assertThatThrownBy(() -> client.listKeys(null, 10, false)).isInstanceOfSatisfying(GatewayException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.PROTOCOL));
    }

    @Test
    void droppedConnectionsAreRetriedForReadsAndReportedWhenTheyPersist() throws Exception {
        // The JDK client itself repeats a dropped GET once, so it takes two drops to reach our own retry.
        sandbox.faults().dropNext(2);
        assertThat(client.tokenInfo().subject()).isNotBlank();

        sandbox.faults().dropNext(10);
        assertThatThrownBy(client::tokenInfo).isInstanceOfSatisfying(GatewayException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.NETWORK));
    }
}
