package io.keydeck.gateway.http;

import io.keydeck.gateway.AdminToken;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.GatewayException.Kind;
import io.keydeck.gateway.GatewayTarget;
import io.keydeck.gateway.fixture.FixtureServer;
import io.keydeck.gateway.fixture.FixtureServer.Reply;
import io.keydeck.gateway.fixture.RecordingSleeper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GatewayHttpTransportTest {
    private static final String TOKEN = "mrk_admin_S3cretS3cretS3cret";

    private FixtureServer gateway;
    private FixtureServer elsewhere;
    private final RecordingSleeper sleeper = new RecordingSleeper();

    @BeforeEach
    void start() throws Exception {
        gateway = FixtureServer.start();
        elsewhere = FixtureServer.start();
    }

    @AfterEach
    void stop() {
        gateway.close();
        elsewhere.close();
    }

    private GatewayHttp http(AuthScheme scheme, HttpOptions options) throws GatewayException {
        return new GatewayHttp(new GatewayTarget(gateway.baseUrl(), AdminToken.of(TOKEN)), scheme, options);
    }

    @Test
    void plainHttpToARemoteHostIsRefusedBeforeAnyRequest() {
        GatewayTarget remote = new GatewayTarget(URI.create("http://gateway.example.com"), AdminToken.of(TOKEN));

        assertThatThrownBy(() -> new GatewayHttp(remote, AuthScheme.bearer(), sleeper.options()))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.POLICY);
                    assertThat(e.getMessage()).contains("https://").doesNotContain(TOKEN);
                });
    }

    @Test
    void theTokenGoesToTheGatewayAsBearer() throws Exception {
        gateway.enqueue(Reply.json(200, "{}"));

        http(AuthScheme.bearer(), sleeper.options()).get("/v1/token", Map.of());

        assertThat(gateway.requests()).singleElement()
                .satisfies(r -> assertThat(r.header("Authorization")).contains("Bearer " + TOKEN));
    }

    @Test
    void anApiKeyHeaderSchemeSendsTheTokenThereWithFixedHeadersAndNoAuthorization() throws Exception {
        gateway.enqueue(Reply.json(200, "{}"));
        HttpOptions options = sleeper.options().withFixedHeaders(Map.of("anthropic-version", "2023-06-01"));

        http(AuthScheme.header("x-api-key"), options).get("/v1/organizations/api_keys", Map.of());

        FixtureServer.Recorded request = gateway.requests().get(0);
        assertThat(request.header("x-api-key")).contains(TOKEN);
        assertThat(request.header("anthropic-version")).contains("2023-06-01");
        assertThat(request.header("Authorization")).isEmpty();
    }

    @Test
    void aSameOriginRedirectKeepsTheToken() throws Exception {
        gateway.enqueue(Reply.redirect(307, "/v2/token"), Reply.json(200, "{\"subject\":\"me\"}"));

        var response = http(AuthScheme.bearer(), sleeper.options()).get("/v1/token", Map.of());

        assertThat(response.body().path("subject").asText()).isEqualTo("me");
        assertThat(gateway.requests()).hasSize(2);
        assertThat(gateway.requests().get(1).path()).isEqualTo("/v2/token");
        assertThat(gateway.requests().get(1).header("Authorization")).contains("Bearer " + TOKEN);
    }

    @Test
    void aRedirectToAnotherOriginNeverCarriesTheToken() throws Exception {
        gateway.enqueue(Reply.redirect(302, elsewhere.baseUrl() + "/landing"));
        elsewhere.enqueue(Reply.json(200, "{}"));

        http(AuthScheme.bearer(), sleeper.options()).get("/v1/token", Map.of());

        assertThat(elsewhere.requests()).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/landing");
            assertThat(r.header("Authorization")).isEmpty();
        });
    }

    @Test
    void anApiKeyHeaderDoesNotFollowARedirectToAnotherOriginEither() throws Exception {
        gateway.enqueue(Reply.redirect(308, elsewhere.baseUrl() + "/v1/x"));
        elsewhere.enqueue(Reply.redirect(308, gateway.baseUrl() + "/v1/back"));
        gateway.enqueue(Reply.json(200, "{}"));

        http(AuthScheme.header("x-api-key"), sleeper.options()).get("/v1/x", Map.of());

        assertThat(elsewhere.requests().get(0).header("x-api-key")).isEmpty();
        // Once the chain left the gateway's origin, even a way back does not get the token.
        assertThat(gateway.requests().get(1).header("x-api-key")).isEmpty();
    }

    @Test
    void aRedirectToPlainHttpOnARemoteHostIsRefused() throws Exception {
        gateway.enqueue(Reply.redirect(301, "http://gateway.example.com/v1/token"));

        assertThatThrownBy(() -> http(AuthScheme.bearer(), sleeper.options()).get("/v1/token", Map.of()))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.kind()).isEqualTo(Kind.POLICY));
    }

    @Test
    void aRedirectFromLocalHttpToHttpsIsSentOverRealTls() throws Exception {
        String httpsElsewhere = elsewhere.baseUrl().toString().replace("http://", "https://");
        gateway.enqueue(Reply.redirect(307, httpsElsewhere + "/v1/token"));
        elsewhere.enqueue(Reply.json(200, "{}"));

        HttpOptions once = new HttpOptions(java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(5),
                RetryPolicy.none(), Map.of(), null);

        assertThatThrownBy(() -> http(AuthScheme.bearer(), once).get("/v1/token", Map.of()))
                .as("the plain-http server never answers a TLS handshake, so the JDK's TLS client waited in one")
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NETWORK))
                .hasStackTraceContaining("SSLFlowDelegate");
    }

    @Test
    void closingEndsTheHttpClientsSelectorThread() throws Exception {
        Set<Thread> before = selectorThreads();
        gateway.enqueue(Reply.json(200, "{}"));
        GatewayHttp http = http(AuthScheme.bearer(), sleeper.options());
        http.get("/v1/token", Map.of());
        Set<Thread> started = selectorThreads();
        started.removeAll(before);
        assertThat(started).as("the request started its client's selector thread").hasSize(1);

        http.close();

        assertThat(started.iterator().next().isAlive()).as("a selector thread left waiting delays System.exit")
                .isFalse();
    }

    private static Set<Thread> selectorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().matches("HttpClient-\\d+-SelectorManager"))
                .collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new));
    }

    @Test
    void endlessRedirectsStopAsAProtocolError() throws Exception {
        for (int i = 0; i < 10; i++) {
            gateway.enqueue(Reply.redirect(302, "/loop" + i));
        }

        assertThatThrownBy(() -> http(AuthScheme.bearer(), sleeper.options()).get("/v1/token", Map.of()))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.PROTOCOL);
                    assertThat(e.code()).isEqualTo("too_many_redirects");
                });
        assertThat(gateway.requests()).hasSize(6);
    }

    @Test
    void seeOtherTurnsAPostIntoAGetWithoutBody() throws Exception {
        gateway.enqueue(Reply.redirect(303, "/v1/result"), Reply.json(200, "{}"));

        http(AuthScheme.bearer(), sleeper.options()).post("/v1/api-keys", Map.of("name", "n"), "k1");

        assertThat(gateway.requests().get(1).method()).isEqualTo("GET");
        assertThat(gateway.requests().get(1).body()).isEmpty();
    }

    @Test
    void requestIdAndRateLimitOfTheLatestAnswerAreCaptured() throws Exception {
        gateway.enqueue(Reply.json(200, "{}").withHeader("X-Request-ID", "req_42")
                .withHeader("X-RateLimit-Limit", "600").withHeader("X-RateLimit-Remaining", "599")
                .withHeader("X-RateLimit-Reset", "1767225600"));
        GatewayHttp http = http(AuthScheme.bearer(), sleeper.options());

        var response = http.get("/v1/token", Map.of());

        assertThat(response.requestId()).isEqualTo("req_42");
        assertThat(http.lastRateLimit()).hasValueSatisfying(rl -> {
            assertThat(rl.limit()).isEqualTo(600);
            assertThat(rl.remaining()).isEqualTo(599);
            assertThat(rl.reset()).isEqualTo(java.time.Instant.ofEpochSecond(1767225600));
        });
    }

    @Test
    void queryValuesAreEncodedAndNullsLeftOut() throws Exception {
        gateway.enqueue(Reply.json(200, "{}"));
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("since", java.time.Instant.parse("2025-01-01T00:00:00Z"));
        query.put("code", null);
        query.put("q", "a b&c");

        http(AuthScheme.bearer(), sleeper.options()).get("/v1/auth-events", query);

        assertThat(gateway.requests().get(0).query()).isEqualTo("since=2025-01-01T00%3A00%3A00Z&q=a%20b%26c");
    }
}
