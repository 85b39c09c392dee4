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

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the user is told when a gateway answers 2xx with something that is not its JSON. */
class GatewayHttpBodyTest {
    private FixtureServer server;
    private GatewayHttp http;

    @BeforeEach
    void start() throws Exception {
        server = FixtureServer.start();
        http = new GatewayHttp(new GatewayTarget(server.baseUrl(), AdminToken.of("t")), AuthScheme.bearer(),
                new RecordingSleeper().options());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void truncatedJsonIsAProtocolErrorNamingTheRequest() {
        server.enqueue(Reply.json(200, "{\"data\":[{\"id\":\"key_1\",\"name\":\"ci").withHeader("X-Request-ID", "req_t"));

        assertThatThrownBy(() -> http.get("/v1/api-keys", Map.of()))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.PROTOCOL);
                    assertThat(e.code()).isEqualTo("malformed_json");
                    assertThat(e.getMessage()).contains("GET /v1/api-keys").contains("not valid JSON");
                    assertThat(e.requestId()).isEqualTo("req_t");
                });
    }

    @Test
    void garbageAfterTheJsonValueIsAProtocolError() {
        server.enqueue(Reply.json(200, "{\"data\":[]} trailing"));

        assertThatThrownBy(() -> http.get("/v1/api-keys", Map.of()))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.kind()).isEqualTo(Kind.PROTOCOL));
    }

    @Test
    void anHtmlPageWithStatus200IsAProtocolErrorWithoutTheHtml() {
        server.enqueue(Reply.text(200, "text/html; charset=utf-8", "<html><title>Sign in</title><body>login</body></html>"));

        assertThatThrownBy(() -> http.get("/v1/api-keys", Map.of()))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.PROTOCOL);
                    assertThat(e.getMessage()).contains("HTML page instead of JSON").contains("Sign in")
                            .doesNotContain("<");
                });
    }

    @Test
    void aDroppedConnectionIsANetworkErrorAndACreateWithoutKeyIsNotRepeated() {
        server.enqueue(Reply.drop(), Reply.json(201, "{}"));

        assertThatThrownBy(() -> http.post("/v1/api-keys", Map.of("name", "n"), null))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.NETWORK);
                    assertThat(e.getMessage()).contains("dropped");
                });
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aDroppedConnectionOnAReadIsRetried() throws Exception {
        // The JDK client repeats a dropped GET once by itself; two drops need our retry as well.
        server.enqueue(Reply.drop(), Reply.drop(), Reply.json(200, "{\"ok\":true}"));

        assertThat(http.get("/v1/api-keys", Map.of()).body().path("ok").asBoolean()).isTrue();
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void anEmptySuccessBodyIsAMissingNodeNotAnError() throws Exception {
        server.enqueue(new Reply(204, Map.of(), new byte[0]));

        assertThat(http.delete("/v1/api-keys/key_1").body().isMissingNode()).isTrue();
    }
}
