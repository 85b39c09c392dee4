package io.keydeck.ui.authlog;

import io.keydeck.authlog.Signal;
import io.keydeck.journal.JournalAction;
import io.keydeck.journal.JournalEntry;
import io.keydeck.model.ApiKey;
import io.keydeck.model.KeyEnvironment;
import io.keydeck.sandbox.IssuedKey;
import io.keydeck.sandbox.SandboxGateway;
import io.keydeck.sandbox.SandboxOptions;
import io.keydeck.ui.AppServices;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.FxmlView;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.Optional;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole window over the real sandbox, where two keys fail from five IPs each ("may have leaked"):
 * each signal names its key and revokes or disables it through the usual confirmation, which names the
 * key and keeps Cancel the default; the gateway's answer and request id are shown and journaled.
 */
@ExtendWith(ApplicationExtension.class)
class RevokeOrDisableAKeyFromASignalTest {
    private static SandboxSession session;
    private static IssuedKey reporting;
    private static IssuedKey metrics;
    private final BackgroundTasks tasks = BackgroundTasks.pool(2);
    private AppServices services;

    @BeforeAll
    static void keysFailFromManyIps() throws Exception {
        SandboxGateway sandbox = SandboxGateway.start(SandboxOptions.defaults().withAuthEvents(0).withTraffic(false));
        session = new SandboxSession(sandbox, sandbox.adminToken());
        reporting = sandbox.issueInferenceKey("reporting-bot", KeyEnvironment.TEST, List.of("usage:read"));
        metrics = sandbox.issueInferenceKey("metrics-bot", KeyEnvironment.TEST, List.of("usage:read"));
        for (int i = 0; i < 5; i++) { // an inference key without chat:write is refused (403) with its key id
            assertThat(session.chat(reporting.secret(), "198.51.100." + (10 + i))).isEqualTo(403);
            assertThat(session.chat(metrics.secret(), "203.0.113." + (10 + i))).isEqualTo(403);
        }
    }

    @AfterAll
    static void stopSandbox() {
        session.close();
    }

    @Start
    void start(Stage stage) {
        services = session.showWindow(stage, tasks, FxmlView.AUTH_LOG);
    }

    @AfterEach
    void closeTasks() {
        tasks.close();
    }

    @Test
    void revokeFromASignalNamesTheKeyAndReportsTheGatewaysAnswer(FxRobot robot) throws Exception {
        Node revoke = signalButton(robot, reporting, ".signal-revoke").orElseThrow();
        assertThat(signalButton(robot, reporting, ".open-key")).as("Open in Keys stays").isPresent();
        assertThat(signalText(robot, reporting)).startsWith("Key “reporting-bot” (" + reporting.hint() + ") failed from 5");

        robot.clickOn(revoke);
        waitUntil(10, () -> robot.lookup("#confirmRevokeButton").tryQuery().isPresent());
        assertThat(dialogTexts(robot)).contains("Revoke “reporting-bot” (" + reporting.hint() + ")?");
        Button confirm = robot.lookup("#confirmRevokeButton").queryButton();
        assertThat(onFx(confirm::isDefaultButton)).isFalse();
        assertThat(onFx(() -> robot.lookup("#closeRevokeButton").queryButton().isDefaultButton())).isTrue();

        robot.clickOn(confirm);
        waitUntil(30, () -> robot.lookup("#revokeSummary").tryQuery().isPresent());
        assertThat(dialogTexts(robot)).anySatisfy(text -> assertThat(text)
                .startsWith("reporting-bot (" + reporting.hint() + "): revoked (request id req_"));
        robot.clickOn("#closeRevokeButton");

        assertThat(keyOnGateway(reporting).revoked()).isTrue();
        assertThat(onFx(() -> services.status().textProperty().get()))
                .startsWith("reporting-bot (" + reporting.hint() + "): revoked (request id req_");
        waitUntil(10, () -> signalButton(robot, reporting, ".signal-revoke").isEmpty()
                && signalButton(robot, reporting, ".open-key").isPresent());
        assertThat(signalButton(robot, reporting, ".signal-disable")).as("nothing left to disable").isEmpty();
        waitUntil(10, () -> services.journal().read().stream().anyMatch(e -> e.keyName().equals("reporting-bot")));
        JournalEntry journaled = services.journal().read().stream().filter(e -> e.keyName().equals("reporting-bot"))
                .findFirst().orElseThrow();
        assertThat(journaled.action()).isEqualTo(JournalAction.REVOKE);
        assertThat(journaled.result()).isEqualTo("ok");
        assertThat(journaled.requestId()).startsWith("req_");
    }

    @Test
    void disableFromASignalAsksFirstAndCancelChangesNothing(FxRobot robot) throws Exception {
        Node disable = signalButton(robot, metrics, ".signal-disable").orElseThrow();

        robot.clickOn(disable);
        waitUntil(10, () -> robot.lookup("#confirmDisableButton").tryQuery().isPresent());
        assertThat(dialogTexts(robot)).contains("Disable “metrics-bot” (" + metrics.hint() + ")?");
        assertThat(onFx(() -> robot.lookup("#confirmDisableButton").queryButton().isDefaultButton())).isFalse();
        assertThat(onFx(() -> robot.lookup("#closeDisableButton").queryButton().isDefaultButton())).isTrue();
        robot.clickOn("#closeDisableButton");
        waitUntil(10, () -> robot.lookup("#confirmDisableButton").tryQuery().isEmpty());
        assertThat(keyOnGateway(metrics).disabled()).as("Cancel sends nothing").isFalse();

        robot.clickOn(signalButton(robot, metrics, ".signal-disable").orElseThrow());
        waitUntil(10, () -> robot.lookup("#confirmDisableButton").tryQuery().isPresent());
        robot.clickOn("#confirmDisableButton");
        waitUntil(30, () -> robot.lookup("#disableSummary").tryQuery().isPresent());
        assertThat(dialogTexts(robot)).anySatisfy(text -> assertThat(text)
                .startsWith("metrics-bot (" + metrics.hint() + "): disabled (request id req_"));
        robot.clickOn("#closeDisableButton");

        assertThat(keyOnGateway(metrics).disabled()).isTrue();
        assertThat(onFx(() -> services.status().textProperty().get()))
                .startsWith("metrics-bot (" + metrics.hint() + "): disabled (request id req_");
        waitUntil(10, () -> signalButton(robot, metrics, ".signal-disable").isEmpty());
        assertThat(signalButton(robot, metrics, ".signal-revoke")).as("a disabled key can still be revoked")
                .isPresent();
    }

    private static ApiKey keyOnGateway(IssuedKey key) throws Exception {
        return session.client.listAllKeys(true, n -> { }).stream().filter(k -> k.id().equals(key.id())).findFirst()
                .orElseThrow();
    }

    private static List<String> dialogTexts(FxRobot robot) throws Exception {
        return onFx(() -> robot.lookup(".dialog-pane .label").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).toList());
    }

    private static String signalText(FxRobot robot, IssuedKey key) throws Exception {
        return onFx(() -> ((Labeled) signalCell(robot, key).orElseThrow().lookup(".signal-reason")).getText());
    }

    /** The button matching {@code selector} in the signal about {@code key}, waiting for the signal to show. */
    private static Optional<Node> signalButton(FxRobot robot, IssuedKey key, String selector) throws Exception {
        waitUntil(30, () -> signalCell(robot, key).isPresent());
        return onFx(() -> signalCell(robot, key).map(cell -> cell.lookupAll(selector).stream().findFirst())
                .flatMap(found -> found));
    }

    private static Optional<ListCell<?>> signalCell(FxRobot robot, IssuedKey key) {
        ListView<?> list = robot.lookup("#signalList").queryAs(ListView.class);
        return robot.from(list).lookup(".list-cell").queryAllAs(ListCell.class).stream()
                .filter(cell -> cell.getItem() instanceof Signal s && key.id().equals(s.keyId()))
                .<ListCell<?>>map(cell -> cell).findFirst();
    }
}
