package io.keydeck.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultsAndRateLimitsTest {
    private static SandboxGateway sandbox;
    private static SandboxCalls calls;

    @BeforeAll
    static void start() throws Exception {
        sandbox = SandboxGateway.start(SandboxOptions.defaults().withTraffic(false).withKeys(5).withAuthEvents(0));
        calls = new SandboxCalls(sandbox);
    }

    @AfterEach
    void clearFaults() {
        sandbox.faults().clear();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void injected429CarriesRetryAfterAndThenRecovers() {
        sandbox.faults().failNext(2, 429, Duration.ofSeconds(7));
        for (int i = 0; i < 2; i++) {
            SandboxCalls.Answer a = calls.get("/v1/api-keys", sandbox.adminToken());
            assertThat(a.status()).isEqualTo(429);
            assertThat(a.errorCode()).isEqualTo("rate_limit_exceeded");
            assertThat(a.header("Retry-After")).isEqualTo("7");
            assertThat(a.header("X-Request-ID")).startsWith("req_");
            assertThat(a.header("X-RateLimit-Limit")).isNotNull();
        }
        assertThat(calls.get("/v1/api-keys", sandbox.adminToken()).status()).isEqualTo(200);
    }

    @Test
    void injectedServerErrorsHtmlPagesAndBrokenJson() {
        sandbox.faults().failNext(1, 503, null);
        sandbox.faults().htmlErrorNext(1);
        sandbox.faults().malformedJsonNext(1);
        SandboxCalls.Answer unavailable = calls.get("/v1/api-keys", sandbox.adminToken());
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.errorCode()).isEqualTo("server_error");
        SandboxCalls.Answer html = calls.get("/v1/api-keys", sandbox.adminToken());
        assertThat(html.status()).isEqualTo(502);
        assertThat(html.header("Content-Type")).startsWith("text/html");
        assertThat(html.text()).contains("<html>");
        SandboxCalls.Answer broken = calls.get("/v1/api-keys", sandbox.adminToken());
        assertThat(broken.status()).isEqualTo(200);
        assertThatThrownBy(broken::json).isInstanceOf(AssertionError.class);
        assertThat(calls.get("/v1/api-keys", sandbox.adminToken()).json().path("data").isArray()).isTrue();
    }

    @Test
    void faultsLeaveInferenceTrafficAlone() {
        IssuedKey key = sandbox.issueInferenceKey("unaffected");
        sandbox.faults().failNext(1, 500, null);
        assertThat(calls.chat(key.secret(), "192.0.2.3", "hi").status()).isEqualTo(200);
        assertThat(calls.get("/v1/token", sandbox.adminToken()).status()).isEqualTo(500);
    }

    @Test
    void droppedConnectionGetsNoAnswer() throws IOException {
        sandbox.faults().dropNext(1);
        // a raw socket, because java.net.http quietly retries a GET whose connection was closed
        try (Socket socket = new Socket("127.0.0.1", sandbox.baseUrl().getPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("GET /v1/api-keys HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + sandbox.adminToken() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            assertThat(socket.getInputStream().readAllBytes()).isEmpty();
        }
        assertThat(calls.get("/v1/api-keys", sandbox.adminToken()).status()).isEqualTo(200);
    }

    @Test
    void latencySlowsAdminAnswers() {
        sandbox.faults().setLatency(Duration.ofMillis(300));
        long started = System.nanoTime();
        assertThat(calls.get("/v1/token", sandbox.adminToken()).status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void rateLimiterAnswers429OnceTheWindowIsUsedUp() throws Exception {
        try (SandboxGateway limited = SandboxGateway.start(SandboxOptions.defaults().withTraffic(false).withKeys(1)
                .withAuthEvents(0).withRateLimitPerMinute(3))) {
            SandboxCalls c = new SandboxCalls(limited);
            SandboxCalls.Answer first = c.get("/v1/token", limited.adminToken());
            assertThat(first.header("X-RateLimit-Limit")).isEqualTo("3");
            assertThat(first.header("X-RateLimit-Remaining")).isEqualTo("2");
            c.get("/v1/token", limited.adminToken());
            c.get("/v1/token", limited.adminToken());
            SandboxCalls.Answer refused = c.get("/v1/token", limited.adminToken());
            if (refused.status() == 200) { // the minute rolled over between calls: the next ones must trip it
                c.get("/v1/token", limited.adminToken());
                c.get("/v1/token", limited.adminToken());
                refused = c.get("/v1/token", limited.adminToken());
            }
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.errorCode()).isEqualTo("rate_limit_exceeded");
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
            assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
            // another caller has its own window
            assertThat(c.get("/v1/token", limited.mintAdminJwt("other", java.util.List.of(), Duration.ofMinutes(1)))
                    .status()).isEqualTo(200);
        }
    }

    @Test
    void faultSpecsAreParsedOrRejectedWithAReason() {
        FaultInjector f = FaultInjector.parse("latency=200ms,fail=2:429:5s,html=1,malformed=1,drop=1");
        assertThat(f.latency()).isEqualTo(Duration.ofMillis(200));
        assertThat(f.next()).isEqualTo(new FaultInjector.Fault(FaultInjector.Kind.FAIL, 429, Duration.ofSeconds(5)));
        assertThat(f.next().kind()).isEqualTo(FaultInjector.Kind.FAIL);
        assertThat(f.next().kind()).isEqualTo(FaultInjector.Kind.HTML);
        assertThat(f.next().kind()).isEqualTo(FaultInjector.Kind.MALFORMED);
        assertThat(f.next().kind()).isEqualTo(FaultInjector.Kind.DROP);
        assertThat(f.next().kind()).isEqualTo(FaultInjector.Kind.NONE);
        assertThatThrownBy(() -> FaultInjector.parse("fail=3")).hasMessageContaining("fail=3");
        assertThatThrownBy(() -> FaultInjector.parse("explode=1")).hasMessageContaining("explode");
        assertThatThrownBy(() -> FaultInjector.parse("latency=soon")).hasMessageContaining("soon");
        assertThatThrownBy(() -> FaultInjector.parse("fail=1:200")).hasMessageContaining("4xx or 5xx");
    }

    @Test
    void faultsFromOptionsApplyAtStart() throws Exception {
        try (SandboxGateway faulty = SandboxGateway.start(SandboxOptions.defaults().withTraffic(false).withKeys(1)
                .withAuthEvents(0).withFaults("fail=1:503"))) {
            SandboxCalls c = new SandboxCalls(faulty);
            assertThat(c.get("/v1/token", faulty.adminToken()).status()).isEqualTo(503);
            assertThat(c.get("/v1/token", faulty.adminToken()).status()).isEqualTo(200);
        }
    }
}
