package io.keydeck.ui.authlog;

import io.keydeck.authlog.Signal;
import io.keydeck.model.AuthEvent;
import io.keydeck.model.KeyEnvironment;
import io.keydeck.sandbox.IssuedKey;
import io.keydeck.sandbox.SandboxGateway;
import io.keydeck.sandbox.SandboxOptions;
import io.keydeck.ui.common.FxmlView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.startToolkit;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** Real calls with bad keys against the sandbox end up in the auth log with the right code and key. */
class BadKeysShowUpInAuthLogTest {
    private static final String GUESSED = "mrk_live_" + "A".repeat(28) + "Zz99";

    private SandboxSession session;
    private IssuedKey revoked;
    private IssuedKey expired;
    private IssuedKey readOnly;

    @BeforeAll
    static void toolkit() throws Exception {
        startToolkit();
    }

    @BeforeEach
    void failWithBadKeys() throws Exception {
        SandboxGateway sandbox = SandboxGateway.start(SandboxOptions.defaults().withAuthEvents(0).withTraffic(false));
        session = new SandboxSession(sandbox, sandbox.adminToken());
        IssuedKey good = sandbox.issueInferenceKey("good-service");
        revoked = sandbox.issueInferenceKey("retired-service");
        session.client.revokeKey(revoked.id());
        expired = sandbox.issueInferenceKey("old-batch", KeyEnvironment.LIVE, List.of("chat:write"),
                Instant.now().minus(Duration.ofDays(1)));
        readOnly = sandbox.issueInferenceKey("reader", KeyEnvironment.LIVE, List.of("usage:read"));

        assertThat(session.chat(good.secret(), "192.0.2.10")).isEqualTo(200);
        assertThat(session.chat(null, "203.0.113.5")).isEqualTo(401);
        assertThat(session.chat(GUESSED, "203.0.113.6")).isEqualTo(401);
        assertThat(session.chat(revoked.secret(), "198.51.100.7")).isEqualTo(401);
        assertThat(session.chat(expired.secret(), "198.51.100.8")).isEqualTo(401);
        assertThat(session.chat(readOnly.secret(), "198.51.100.9")).isEqualTo(403);
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void eachRefusedCallIsShownWithItsCodeHintAndKey() throws Exception {
        AuthLogViewModel viewModel = onFx(() -> session.viewModel(100, 10_000));
        onFx(viewModel::refresh);
        waitUntil(20, () -> viewModel.events().size() == 5 && !viewModel.loadingProperty().get());

        List<AuthEvent> events = onFx(() -> List.copyOf(viewModel.events()));
        assertThat(events).extracting(AuthEvent::code).containsExactly("insufficient_permissions",
                "expired_api_key", "invalid_api_key", "invalid_api_key", "missing_api_key");
        assertThat(events).extracting(AuthEvent::status).containsExactly(403, 401, 401, 401, 401);
        assertThat(events).extracting(AuthEvent::keyHint).containsExactly(readOnly.hint(), expired.hint(),
                revoked.hint(), "mrk_live_…Zz99", "");
        assertThat(events).extracting(AuthEvent::keyId).containsExactly(readOnly.id(), expired.id(), revoked.id(),
                null, null);
        assertThat(events).extracting(AuthEvent::clientIp).containsExactly("198.51.100.9", "198.51.100.8",
                "198.51.100.7", "203.0.113.6", "203.0.113.5");
        assertThat(events).allSatisfy(e -> assertThat(e.requestId()).startsWith("req_"));

        List<Signal> signals = onFx(() -> List.copyOf(viewModel.signals()));
        assertThat(signals).extracting(Signal::kind, Signal::keyId).contains(
                org.assertj.core.groups.Tuple.tuple(Signal.Kind.REVOKED_KEY_USED, revoked.id()),
                org.assertj.core.groups.Tuple.tuple(Signal.Kind.EXPIRED_KEY_USED, expired.id()));
        assertThat(onFx(() -> viewModel.signalText(signals.get(0)))).contains(revoked.hint()).contains("Revoked");

        assertThat(onFx(() -> viewModel.openKey(signals.get(0).keyId()))).isTrue();
        assertThat(session.navigation.keyFocusProperty().get().keyId()).isEqualTo(revoked.id());
        assertThat(session.navigation.viewProperty().get()).isEqualTo(FxmlView.KEYS);
    }

    @Test
    void liveTailPutsANewFailureOnTopWithoutRepeatingOldOnes() throws Exception {
        AuthLogViewModel viewModel = onFx(() -> session.viewModel(100, 10_000));
        onFx(viewModel::refresh);
        waitUntil(20, () -> viewModel.events().size() == 5 && !viewModel.loadingProperty().get());

        assertThat(session.chat(revoked.secret(), "198.51.100.99")).isEqualTo(401);
        onFx(viewModel::pollNewer);
        waitUntil(20, () -> viewModel.events().size() == 6);
        onFx(viewModel::pollNewer);
        waitUntil(10, session.tasks::idle); // the second poll has answered and its rows (if any) are in

        List<AuthEvent> events = onFx(() -> List.copyOf(viewModel.events()));
        assertThat(events).hasSize(6).extracting(AuthEvent::id).doesNotHaveDuplicates();
        assertThat(events.get(0).clientIp()).isEqualTo("198.51.100.99");
        assertThat(events.get(0).keyId()).isEqualTo(revoked.id());

        onFx(() -> viewModel.liveTailProperty().set(true));
        assertThat(onFx(viewModel::isPolling)).isTrue();
        onFx(() -> viewModel.windowShowingProperty().set(false));
        assertThat(onFx(viewModel::isPolling)).as("paused while the window is hidden").isFalse();
    }
}
