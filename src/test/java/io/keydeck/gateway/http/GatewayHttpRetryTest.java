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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GatewayHttpRetryTest {
    private static final String OK = "{\"ok\":true}";

    private FixtureServer server;
    private RecordingSleeper sleeper;

    @BeforeEach
    void start() throws Exception {
        server = FixtureServer.start();
        sleeper = new RecordingSleeper();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private GatewayHttp http(HttpOptions options) throws GatewayException {
        return new GatewayHttp(new GatewayTarget(server.baseUrl(), AdminToken.of("mrk_admin_abc")),
                AuthScheme.bearer(), options);
    }

    @Test
    void aGetAnsweredServiceUnavailableThenOkSucceedsOnTheSecondRequest() throws Exception {
        server.enqueue(Reply.json(503, "{\"error\":{\"message\":\"busy\"}}"), Reply.json(200, OK));

        var response = http(sleeper.options()).get("/v1/things", Map.of());

        assertThat(response.body().path("ok").asBoolean()).isTrue();
        assertThat(server.requests()).hasSize(2);
        assertThat(sleeper.delays()).hasSize(1);
    }

    @Test
    void retryAfterInSecondsIsWaitedAtLeast() throws Exception {
        server.enqueue(Reply.json(429, "{}").withHeader("Retry-After", "7"), Reply.json(200, OK));

        http(sleeper.options()).get("/v1/things", Map.of());

        assertThat(sleeper.delays()).singleElement().satisfies(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ofSeconds(7)));
    }

    @Test
    void retryAfterAsHttpDateIsWaitedAtLeastUntilThatTime() throws Exception {
        Instant now = Instant.parse("2025-03-01T10:00:00Z");
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(now.plusSeconds(12), ZoneOffset.UTC));
        server.enqueue(Reply.json(503, "{}").withHeader("Retry-After", date), Reply.json(200, OK));
        HttpOptions options = HttpOptions.defaults().withRetry(RetryPolicy.defaults().withSleeper(sleeper)
                .withClock(Clock.fixed(now, ZoneOffset.UTC)));

        http(options).get("/v1/things", Map.of());

        assertThat(sleeper.delays()).singleElement().satisfies(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ofSeconds(12)));
    }

    @Test
    void aRetryAfterLongerThanTheCapIsReportedInsteadOfWaited() throws Exception {
        server.enqueue(Reply.json(429, "{\"error\":{\"code\":\"rate_limit_exceeded\",\"message\":\"slow down\"}}")
                .withHeader("Retry-After", "3600"));

        assertThatThrownBy(() -> http(sleeper.options()).get("/v1/things", Map.of()))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
                    assertThat(e.code()).isEqualTo("rate_limit_exceeded");
                });
        assertThat(server.requests()).hasSize(1);
        assertThat(sleeper.delays()).isEmpty();
    }

    @Test
    void persistentRateLimitingGivesUpAfterThreeRetriesAsRateLimited() throws Exception {
        for (int i = 0; i < 4; i++) {
            server.enqueue(Reply.json(429, "{\"error\":{\"code\":\"rate_limit_exceeded\",\"message\":\"slow down\"}}")
                    .withHeader("Retry-After", "1"));
        }

        assertThatThrownBy(() -> http(sleeper.options()).get("/v1/things", Map.of()))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
                    assertThat(e.httpStatus()).isEqualTo(429);
                });
        assertThat(server.requests()).hasSize(4);
        assertThat(sleeper.delays()).hasSize(3);
    }

    @Test
    void backOffGrowsButStaysUnderTheCap() {
        RetryPolicy policy = RetryPolicy.defaults();
        for (int attempt = 0; attempt < 12; attempt++) {
            Duration d = policy.backoff(attempt);
            long full = Math.min(200L << attempt, 5000);
            assertThat(d.toMillis()).isBetween(full / 2, full);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 422})
    void clientErrorsAreNeverRetried(int status) throws Exception {
        server.enqueue(Reply.json(status, "{\"error\":{\"code\":\"c\",\"message\":\"no\"}}"), Reply.json(200, OK));

        assertThatThrownBy(() -> http(sleeper.options()).get("/v1/things", Map.of()))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.httpStatus()).isEqualTo(status));
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aPostWithoutIdempotencyKeyIsNotRetried() throws Exception {
        server.enqueue(Reply.json(503, "{}"), Reply.json(201, OK));

        assertThatThrownBy(() -> http(sleeper.options()).post("/v1/api-keys", Map.of("name", "x"), null))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.kind()).isEqualTo(Kind.SERVER));
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aPostWithIdempotencyKeyIsRetriedWithTheSameKey() throws Exception {
        server.enqueue(Reply.json(503, "{}"), Reply.json(502, "{}"), Reply.json(201, OK));

        http(sleeper.options()).post("/v1/api-keys", Map.of("name", "x"), "idem-123");

        assertThat(server.requests()).hasSize(3)
                .allSatisfy(r -> {
                    assertThat(r.header("Idempotency-Key")).contains("idem-123");
                    assertThat(r.body()).isEqualTo("{\"name\":\"x\"}");
                });
    }

    @Test
    void anInternalErrorIsRetriedForGetButNotForPatch() throws Exception {
        server.enqueue(Reply.json(500, "{}"), Reply.json(200, OK));
        http(sleeper.options()).get("/v1/things", Map.of());
        assertThat(server.requests()).hasSize(2);

        server.enqueue(Reply.json(500, "{}"), Reply.json(200, OK));
        assertThatThrownBy(() -> http(sleeper.options()).patch("/v1/things/1", Map.of("name", "y")))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.kind()).isEqualTo(Kind.SERVER));
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void aRefusedConnectionIsRetriedThenReportedAsNetwork() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        GatewayHttp http = new GatewayHttp(new GatewayTarget(URI.create("http://127.0.0.1:" + freePort),
                AdminToken.of("t")), AuthScheme.bearer(), sleeper.options());

        assertThatThrownBy(() -> http.get("/v1/things", Map.of()))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.NETWORK);
                    assertThat(e.getMessage()).contains("Could not connect to 127.0.0.1:" + freePort);
                });
        assertThat(sleeper.delays()).hasSize(3);
    }

    @Test
    void cancellingDuringTheBackOffStopsWithCancelledAndKeepsTheInterrupt() throws Exception {
        server.enqueue(Reply.json(503, "{}"), Reply.json(200, OK));
        RetryPolicy.Sleeper interrupted = d -> {
            throw new InterruptedException("task cancelled");
        };
        GatewayHttp http = http(HttpOptions.defaults().withRetry(RetryPolicy.defaults().withSleeper(interrupted)));
        try {
            assertThatThrownBy(() -> http.get("/v1/things", Map.of()))
                    .isInstanceOfSatisfying(GatewayException.class, e -> {
                        assertThat(e.kind()).isEqualTo(Kind.NETWORK);
                        assertThat(e.code()).isEqualTo("cancelled");
                    });
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(server.requests()).hasSize(1);
    }
}
