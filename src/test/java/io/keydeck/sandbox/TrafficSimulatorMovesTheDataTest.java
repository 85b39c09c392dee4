package io.keydeck.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TrafficSimulatorMovesTheDataTest {

    @Test
    void simulatedCallsUpdateLastUseAndTheAuthLogThenStopOnClose() throws Exception {
        SandboxGateway sandbox = SandboxGateway.start(SandboxOptions.defaults().withAuthEvents(0)
                .withTrafficInterval(Duration.ofMillis(20)));
        SandboxCalls calls = new SandboxCalls(sandbox);
        Instant started = Instant.now();
        java.util.concurrent.atomic.AtomicBoolean keyUsed = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicBoolean failureLogged = new java.util.concurrent.atomic.AtomicBoolean();
        try {
            org.testfx.util.WaitForAsyncUtils.waitFor(15, java.util.concurrent.TimeUnit.SECONDS, () -> {
                for (JsonNode k : calls.get("/v1/api-keys?limit=1000", sandbox.adminToken()).json().path("data")) {
                    if (!k.path("last_used_at").isNull()
                            && !Instant.parse(k.path("last_used_at").asText()).isBefore(started)) {
                        keyUsed.set(true);
                        assertThat(k.path("last_used_ip").asText()).isNotEqualTo("127.0.0.1");
                    }
                }
                for (JsonNode e : calls.get("/v1/auth-events?limit=20", sandbox.adminToken()).json().path("data")) {
                    if (e.path("path").asText().equals("/v1/chat/completions")) {
                        failureLogged.set(true);
                        assertThat(e.path("client_ip").asText()).isNotEqualTo("127.0.0.1");
                    }
                }
                return keyUsed.get() && failureLogged.get();
            });
        } finally {
            sandbox.close();
        }
        try (java.net.ServerSocket reuse = new java.net.ServerSocket(sandbox.baseUrl().getPort(), 1,
                java.net.InetAddress.getLoopbackAddress())) {
            assertThat(reuse.getLocalPort()).as("close() released the port").isEqualTo(sandbox.baseUrl().getPort());
        }
        assertThat(keyUsed.get()).as("a seeded key was used by the simulator").isTrue();
        assertThat(failureLogged.get()).as("a bad simulated call reached the auth log").isTrue();
    }
}
