package io.keydeck.ui.review;

import io.keydeck.gateway.GatewayException;
import io.keydeck.model.ApiKey;
import io.keydeck.model.KeyEnvironment;
import io.keydeck.review.Finding;
import io.keydeck.settings.EnvironmentTag;
import io.keydeck.settings.ReviewThresholds;
import io.keydeck.ui.shell.ActiveConnection;
import io.keydeck.ui.AppServices;
import io.keydeck.session.ConnectionSession;
import io.keydeck.ui.FakeGatewayClient;
import io.keydeck.ui.FxTestSupport;
import io.keydeck.ui.shell.Navigation;
import io.keydeck.ui.TestKeys;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.StatusLine;
import io.keydeck.ui.keys.RevokeKeysViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.ResourceBundle;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** Several connections at once, and gateways that cannot do everything: the view says what it could not check. */
class ReviewViewModelTest {
    private final BackgroundTasks tasks = BackgroundTasks.pool(2);
    private final StatusLine status = new StatusLine();

    private static final ApiKey STALE = TestKeys.key("key_stale", "old-importer", KeyEnvironment.LIVE, List.of("chat"),
            Duration.ofDays(120), Duration.ofDays(100), Duration.ofDays(60), false, false);
    private static final ApiKey TEST_KEY = TestKeys.key("key_test", "ci-smoke", KeyEnvironment.TEST, List.of("chat"),
            Duration.ofDays(10), Duration.ofHours(1), Duration.ofDays(60), false, false);

    @BeforeAll
    static void toolkit() throws Exception {
        FxTestSupport.startToolkit();
    }

    @AfterEach
    void closeTasks() {
        tasks.close();
    }

    private ReviewViewModel viewModel(List<ConnectionSession> sessions) throws Exception {
        return onFx(() -> new ReviewViewModel(sessions, new ActiveConnection(sessions.get(0)), tasks,
                ResourceBundle.getBundle(AppServices.MESSAGES), Clock.fixed(TestKeys.NOW, ZoneOffset.UTC), status,
                new Navigation(), session -> session.displayName().startsWith("Prod")
                        ? EnvironmentTag.PRODUCTION : EnvironmentTag.DEVELOPMENT, () -> ReviewThresholds.DEFAULTS));
    }

    private static void runAndWait(ReviewViewModel viewModel) throws Exception {
        onFx(viewModel::run);
        waitUntil(10, () -> !viewModel.runningProperty().get());
    }

    @Test
    void allConnectionsAreReviewedAtOnceEachWithItsOwnSummary() throws Exception {
        ReviewViewModel viewModel = viewModel(List.of(
                ConnectionSession.of("Prod EU", false, new FakeGatewayClient(List.of(STALE, TEST_KEY))),
                ConnectionSession.of("Dev", false, new FakeGatewayClient(List.of(TEST_KEY)))));
        runAndWait(viewModel);

        List<Finding> findings = onFx(() -> List.copyOf(viewModel.findings()));
        assertThat(findings).extracting(f -> f.connection() + "/" + f.key().name() + "/" + f.ruleId())
                .containsExactlyInAnyOrder("Prod EU/old-importer/stale", "Prod EU/ci-smoke/test-key-in-production");
        assertThat(onFx(() -> viewModel.summaries().stream().map(viewModel::countsText).toList()))
                .containsExactly("2 keys · 0 high · 2 medium · 0 low", "1 key · 0 high · 0 medium · 0 low");
        assertThat(onFx(() -> viewModel.severalConnectionsProperty().get())).isTrue();

        onFx(() -> viewModel.scopeProperty().set(viewModel.scopes().get(2)));
        waitUntil(10, () -> !viewModel.runningProperty().get());
        assertThat(onFx(() -> List.copyOf(viewModel.findings()))).isEmpty();
        assertThat(onFx(() -> viewModel.summaries().size())).isEqualTo(1);
        assertThat(onFx(() -> viewModel.severalConnectionsProperty().get())).isFalse();
    }

    @Test
    void rulesAGatewayCannotFeedAreNamedWithTheReasonAndRevokeIsOffered() throws Exception {
        ReviewViewModel viewModel = viewModel(List.of(
                ConnectionSession.of("Router", false, new FakeGatewayClient(List.of(STALE)))));
        runAndWait(viewModel);

        ConnectionSummary card = onFx(() -> viewModel.summaries().get(0));
        assertThat(card.notes()).containsExactly(
                "Not checked — Revoked key still in use: Fake gateway does not support auth events.");
        Finding stale = onFx(() -> viewModel.findings().get(0));
        assertThat(viewModel.actionUnavailable(stale))
                .contains("Fake gateway does not support revoke key.");
        RevokeKeysViewModel dialog = onFx(() -> viewModel.revokeDialog(stale).orElseThrow());
        assertThat(dialog.question()).isEqualTo("Revoke “old-importer” (mrk_live_…tale) on the connection “Router”?");
        assertThat(dialog.needsTypedConfirmation()).isTrue();
    }

    @Test
    void aConnectionThatFailsSaysWhyAndTheOthersStillReport() throws Exception {
        FakeGatewayClient refusing = new FakeGatewayClient(List.of()).failingWith(new GatewayException(
                GatewayException.Kind.FORBIDDEN, 403, "insufficient_permissions", "This token lacks keys:read",
                "req_77"));
        ReviewViewModel viewModel = viewModel(List.of(ConnectionSession.of("Locked", false, refusing),
                ConnectionSession.of("Dev", false, new FakeGatewayClient(List.of(STALE)))));
        runAndWait(viewModel);

        assertThat(onFx(() -> viewModel.summaries().get(0).problem())).isEqualTo(
                "This token lacks keys:read (insufficient_permissions, HTTP 403) — request id req_77");
        assertThat(onFx(() -> viewModel.findings().size())).isEqualTo(1);
        assertThat(onFx(() -> viewModel.reportData().reviews())).hasSize(1);
        assertThat(onFx(viewModel::canExportProperty).get()).isTrue();
    }

    @Test
    void aReportThatCannotBeWrittenSaysWhyAndLeavesNothingBehind(@TempDir Path dir) throws Exception {
        ReviewViewModel viewModel = viewModel(List.of(
                ConnectionSession.of("Dev", false, new FakeGatewayClient(List.of(STALE)))));
        runAndWait(viewModel);
        Path blocker = Files.writeString(dir.resolve("reports"), "a file where a folder should be");
        Path target = blocker.resolve("review.html");

        onFx(() -> viewModel.export(io.keydeck.review.ReportFormat.HTML, target));
        waitUntil(10, () -> status.textProperty().get().startsWith("Could not write"));
        assertThat(status.textProperty().get())
                .isEqualTo("Could not write " + target + ": " + blocker + " is a file, not a folder");
        assertThat(Files.readString(blocker)).isEqualTo("a file where a folder should be");
        assertThat(onFx(() -> viewModel.suggestedFileName(io.keydeck.review.ReportFormat.CSV)))
                .isEqualTo("keydeck-review-2026-03-10.csv");
    }
}
