package io.keydeck.ui.review;

import io.keydeck.gateway.GatewayClient;
import io.keydeck.model.ApiKey;
import io.keydeck.review.Finding;
import io.keydeck.review.ReportFormat;
import io.keydeck.review.Severity;
import io.keydeck.settings.EnvironmentTag;
import io.keydeck.settings.ReviewThresholds;
import io.keydeck.ui.shell.ActiveConnection;
import io.keydeck.ui.AppServices;
import io.keydeck.ui.FxTestSupport;
import io.keydeck.ui.shell.Navigation;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.FxmlView;
import io.keydeck.ui.common.StatusLine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.ResourceBundle;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** The review over the real sandbox: the problems its demo data plants come out as findings. */
class ReviewViewModelAgainstSandboxTest {
    private static SandboxConnection sandbox;

    private final BackgroundTasks tasks = BackgroundTasks.pool(2);
    private final StatusLine status = new StatusLine();
    private final Navigation navigation = new Navigation();
    private EnvironmentTag tag = EnvironmentTag.DEVELOPMENT;
    private ReviewViewModel viewModel;

    @BeforeAll
    static void start() throws Exception {
        FxTestSupport.startToolkit();
        sandbox = new SandboxConnection();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void createViewModel() throws Exception {
        viewModel = onFx(() -> new ReviewViewModel(List.of(sandbox.session), new ActiveConnection(sandbox.session),
                tasks, ResourceBundle.getBundle(AppServices.MESSAGES), Clock.systemUTC(), status, navigation,
                session -> tag, () -> ReviewThresholds.DEFAULTS));
    }

    @AfterEach
    void closeTasks() {
        tasks.close();
    }

    private List<Finding> review() throws Exception {
        onFx(viewModel::run);
        waitUntil(30, () -> !viewModel.runningProperty().get() && viewModel.canExportProperty().get());
        return onFx(() -> List.copyOf(viewModel.findings()));
    }

    private static List<String> keysFlagged(List<Finding> findings, String rule) {
        return findings.stream().filter(f -> f.ruleId().equals(rule)).map(f -> f.key().name()).toList();
    }

    @Test
    void thePlantedProblemsShowUpAsFindings() throws Exception {
        List<Finding> findings = review();

        assertThat(keysFlagged(findings, "broad-scopes")).contains("admin-automation", "terraform-provisioner");
        assertThat(keysFlagged(findings, "stale")).contains("marketing-copy-generator", "legacy-importer", "kiosk-app");
        assertThat(keysFlagged(findings, "expiring-soon")).contains("email-summarizer", "docs-assistant",
                "partner-globex-sync");
        assertThat(keysFlagged(findings, "expired")).contains("partner-acme-integration", "pricing-experiment");
        assertThat(keysFlagged(findings, "never-used")).contains("dev-bob", "data-science-notebook");
        assertThat(keysFlagged(findings, "revoked-key-attempts")).contains("voice-assistant");
        assertThat(keysFlagged(findings, "test-key-in-production")).as("the demo is a development gateway").isEmpty();
        assertThat(findings).allSatisfy(f -> assertThat(f.key().revoked())
                .isEqualTo(f.ruleId().equals("revoked-key-attempts")));
        assertThat(findings.get(0).severity()).isEqualTo(Severity.HIGH);
        assertThat(onFx(() -> viewModel.summaries().get(0).notes())).as("the sandbox has an auth log").isEmpty();
        assertThat(onFx(() -> viewModel.summaryProperty().get())).startsWith("48 keys in 1 connection");
        assertThat(onFx(() -> status.textProperty().get())).startsWith("48 keys in 1 connection");
    }

    @Test
    void taggedProductionTheTestKeysAreFlaggedAndTheSeverityFilterHidesLowFindings() throws Exception {
        tag = EnvironmentTag.PRODUCTION;
        List<Finding> findings = review();
        assertThat(keysFlagged(findings, "test-key-in-production")).contains("ci-runner", "dev-alice");

        onFx(() -> viewModel.minimumSeverityProperty().set(Severity.HIGH));
        assertThat(onFx(() -> List.copyOf(viewModel.findings()))).isNotEmpty()
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
    }

    @Test
    void openingAFindingShowsItsKeyInTheKeysView() throws Exception {
        Finding stale = review().stream().filter(f -> f.ruleId().equals("stale")).findFirst().orElseThrow();
        onFx(() -> viewModel.openKey(stale));

        assertThat(navigation.viewProperty().get()).isEqualTo(FxmlView.KEYS);
        assertThat(navigation.keyFocusProperty().get().keyId()).isEqualTo(stale.key().id());
    }

    @Test
    void theExportedReportListsEveryKeyAndSaysWhereItWent(@TempDir Path dir) throws Exception {
        review();
        Path file = dir.resolve("review.csv");
        onFx(() -> viewModel.export(ReportFormat.CSV, file));
        waitUntil(10, () -> status.textProperty().get().startsWith("Saved CSV report"));

        assertThat(status.textProperty().get()).isEqualTo("Saved CSV report to " + file.toAbsolutePath());
        List<String> lines = Files.readAllLines(file);
        GatewayClient client = sandbox.session.awaitClient();
        List<ApiKey> keys = client.listAllKeys(true, n -> { });
        assertThat(lines).hasSize(keys.size() + 1);
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("admin-automation").contains("HIGH:broad-scopes"));
    }
}
