package io.keydeck.ui.authlog;

import io.keydeck.ui.shell.ConsoleAuthFailures;

import io.keydeck.model.AuthEvent;
import io.keydeck.sandbox.SandboxGateway;
import io.keydeck.sandbox.SandboxOptions;
import io.keydeck.ui.common.RelativeTime;
import io.keydeck.ui.keys.KeysViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.startToolkit;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** An auditor's token may read the auth log but not keys: the console's own 403s show up, without the token. */
class ConsoleOwnRefusalsAppearInAuthLogTest {
    private SandboxSession session;
    private String token;

    @BeforeAll
    static void toolkit() throws Exception {
        startToolkit();
    }

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void theKeysViewsRefusalIsListedAsComingFromThisConsole() throws Exception {
        SandboxGateway sandbox = SandboxGateway.start(SandboxOptions.defaults().withAuthEvents(20).withTraffic(false));
        token = sandbox.mintAdminJwt("auditor", List.of("audit:read"), Duration.ofHours(1));
        session = new SandboxSession(sandbox, token);
        AuthLogViewModel authLog = onFx(() -> session.viewModel(100, 10_000));
        KeysViewModel keys = onFx(() -> new KeysViewModel(session.active, session.tasks, session.messages,
                new RelativeTime(Clock.systemUTC(), session.messages), new io.keydeck.ui.common.StatusLine(),
                session.navigation).reportAuthFailuresTo(session.console));

        onFx(authLog::refresh);
        onFx(keys::refresh);
        waitUntil(20, () -> !keys.errorTextProperty().get().isEmpty());
        waitUntil(20, () -> authLog.events().stream().filter(authLog::isFromConsole).count() == 2);

        List<AuthEvent> fromConsole = onFx(() -> authLog.events().stream().filter(authLog::isFromConsole).toList());
        assertThat(fromConsole).allSatisfy(e -> {
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.code()).isEqualTo("insufficient_permissions");
            assertThat(e.path()).isEqualTo("/v1/api-keys");
            assertThat(e.userAgent()).isEqualTo(ConsoleAuthFailures.USER_AGENT);
            assertThat(e.requestId()).startsWith("req_");
            assertThat(e.toString()).doesNotContain(token).doesNotContain(token.substring(token.length() - 12));
        });
        // the gateway logs the console's refusals as well; whether they made the first page depends on timing
        assertThat(onFx(() -> authLog.events().size())).as("the gateway's 20 and the console's 2")
                .isBetween(22, 24);
        assertThat(onFx(authLog::errorTextProperty).get()).as("the auth log itself loaded").isEmpty();
    }

    @Test
    void failuresOtherThan401And403AreNotAuthFailures() {
        ConsoleAuthFailures console = new ConsoleAuthFailures(Clock.systemUTC());
        boolean recorded = console.report("Gateway", "GET /v1/usage", new io.keydeck.gateway.GatewayException(
                io.keydeck.gateway.GatewayException.Kind.SERVER, 502, "bad_gateway", "upstream down", "req_1"));
        assertThat(recorded).isFalse();
        assertThat(console.failures()).isEmpty();
    }
}
