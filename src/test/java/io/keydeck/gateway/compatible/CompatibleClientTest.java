package io.keydeck.gateway.compatible;

import io.keydeck.gateway.AdminToken;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.GatewayException.Kind;
import io.keydeck.gateway.GatewayTarget;
import io.keydeck.gateway.fixture.FixtureServer;
import io.keydeck.gateway.fixture.FixtureServer.Reply;
import io.keydeck.gateway.fixture.RecordingSleeper;
import io.keydeck.model.Capability;
import io.keydeck.model.RateLimitStatus;
import io.keydeck.model.TokenInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The generic driver for OpenAI-compatible routers whose keys live only in their dashboards. */
class CompatibleClientTest {
    private static final String MODELS = "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o\",\"object\":\"model\"},"
            + "{\"id\":\"llama-3.1-70b\",\"object\":\"model\"}]}";

    private FixtureServer server;

    @BeforeEach
    void start() throws Exception {
        server = FixtureServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CompatibleClient connect(String token, Map<String, String> options) throws GatewayException {
        return new CompatibleDriver(new RecordingSleeper().options())
                .connect(new GatewayTarget(server.baseUrl(), AdminToken.of(token), options));
    }

    @Test
    void verifyingAKeyListsItsModelsAndReadsOpenAiStyleRateLimitHeaders() throws Exception {
        server.enqueue(Reply.json(200, MODELS).withHeader("x-ratelimit-limit-requests", "500")
                .withHeader("x-ratelimit-remaining-requests", "499").withHeader("x-ratelimit-reset-requests", "1m30s"));
        CompatibleClient client = connect("tr_live_abcdefghijklmnop1234", Map.of("keyPrefix", "tr_live_,tr_test_"));

        TokenInfo info = client.tokenInfo();

        assertThat(info.subject()).isEqualTo("Key tr_live_…1234 (live key) accepted; 2 models available");
        assertThat(info.scopes()).containsExactly("gpt-4o", "llama-3.1-70b");
        RateLimitStatus limit = client.lastRateLimit().orElseThrow();
        assertThat(limit.limit()).isEqualTo(500);
        assertThat(limit.remaining()).isEqualTo(499);
        assertThat(Duration.between(Instant.now(), limit.reset())).isBetween(Duration.ofSeconds(60),
                Duration.ofSeconds(91));
        FixtureServer.Recorded sent = server.requests().get(0);
        assertThat(sent.method()).isEqualTo("GET");
        assertThat(sent.path()).isEqualTo("/v1/models");
        assertThat(sent.header("Authorization")).contains("Bearer tr_live_abcdefghijklmnop1234");
    }

    @Test
    void standardRateLimitHeadersWinAndAModelsPathOptionIsHonoured() throws Exception {
        server.enqueue(Reply.json(200, MODELS).withHeader("X-RateLimit-Limit", "60")
                .withHeader("X-RateLimit-Remaining", "59"));
        CompatibleClient client = connect("sk-abcdefghijklmnopqrstuvwx", Map.of("modelsPath", "/api/v1/models"));

        client.tokenInfo();

        assertThat(client.lastRateLimit().orElseThrow().limit()).isEqualTo(60);
        assertThat(server.requests().get(0).path()).isEqualTo("/api/v1/models");
    }

    @Test
    void aKeyWithTheWrongPrefixIsNeverSent() throws Exception {
        CompatibleClient client = connect("sk-ant-api03-notforthisrouter0000", Map.of("keyPrefix", "tr_live_,tr_test_"));

        assertThatThrownBy(client::tokenInfo).isInstanceOfSatisfying(GatewayException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.POLICY);
            assertThat(e.getMessage()).contains("tr_live_ or tr_test_").doesNotContain("notforthisrouter");
        });
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void keyManagementIsUnsupportedWithDashboardSentences() throws Exception {
        CompatibleClient client = connect("sk-abcdefghijklmnopqrstuvwx", Map.of());

        assertThat(client.driver().capabilities()).containsExactly(Capability.TOKEN_INFO);
        assertThatThrownBy(() -> client.listKeys(null, 10, false)).isInstanceOfSatisfying(GatewayException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED);
            assertThat(e.getMessage()).contains("cannot list its keys").contains("dashboard");
        });
        assertThatThrownBy(() -> client.revokeKey("x")).hasMessageContaining("revoked in its dashboard");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aProxyHtmlPageIsReportedInOneSentence() throws Exception {
        server.enqueue(Reply.text(502, "text/html", "<html><head><title>502 Bad Gateway</title></head></html>"),
                Reply.text(502, "text/html", "<html><head><title>502 Bad Gateway</title></head></html>"),
                Reply.text(502, "text/html", "<html><head><title>502 Bad Gateway</title></head></html>"),
                Reply.text(502, "text/html", "<html><head><title>502 Bad Gateway</title></head></html>"));
        CompatibleClient client = connect("sk-abcdefghijklmnopqrstuvwx", Map.of());

        assertThatThrownBy(client::tokenInfo).isInstanceOfSatisfying(GatewayException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.SERVER);
            assertThat(e.getMessage()).contains("HTML page").contains("502 Bad Gateway").doesNotContain("<");
        });
    }
}
