package io.keydeck.ui.review;

import io.keydeck.review.Finding;
import io.keydeck.ui.AppServices;
import io.keydeck.ui.AppWindow;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.FxmlView;
import io.keydeck.ui.common.Theme;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** The whole window over the real sandbox: a finding's Revoke button revokes the key and the rerun drops it. */
@ExtendWith(ApplicationExtension.class)
class RevokeFromReviewRemovesTheFindingTest {
    private static SandboxConnection sandbox;
    private final BackgroundTasks tasks = BackgroundTasks.pool(2);
    private AppServices services;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = new SandboxConnection();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Start
    void start(Stage stage) {
        services = AppServices.of(tasks, List.of(sandbox.session), Clock.systemUTC());
        services.navigation().show(FxmlView.REVIEW);
        Theme.LIGHT.apply();
        stage.setScene(AppWindow.scene(services));
        stage.show();
    }

    @AfterEach
    void closeTasks() {
        tasks.close();
    }

    @Test
    void revokingANeverUsedTestKeyRemovesItsFinding(FxRobot robot) throws Exception {
        Button revoke = fixButton(robot, "dev-bob", "never-used");
        assertThat(onFx(revoke::getText)).isEqualTo("Revoke…");
        robot.clickOn(revoke);
        waitUntil(10, () -> robot.lookup("#confirmRevokeButton").tryQuery().isPresent());
        assertThat(onFx(() -> robot.lookup(".dialog-pane .label").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).toList())).anySatisfy(text -> assertThat(text).startsWith("Revoke “dev-bob” (mrk_test_…")
                        .endsWith(") on the connection “" + sandbox.session.displayName() + "”?")); // issue 19 item 8
        robot.clickOn("#confirmRevokeButton");
        waitUntil(30, () -> robot.lookup("#revokeSummary").tryQuery().isPresent());
        robot.clickOn("#closeRevokeButton");

        waitUntil(30, () -> findingsFor("dev-bob", robot).isEmpty() && !isRunning(robot));
        assertThat(onFx(() -> services.status().textProperty().get())).startsWith("dev-bob (mrk_test_…")
                .contains("revoked (request id req_");
        assertThat(sandbox.session.awaitClient().listAllKeys(true, n -> { }).stream()
                .filter(k -> k.name().equals("dev-bob")).findFirst().orElseThrow().revoked()).isTrue();
        assertThat(findingsFor("admin-automation", robot)).as("other findings stay").isNotEmpty();
        waitUntil(10, () -> !services.journal().read().isEmpty());
        io.keydeck.journal.JournalEntry journaled = services.journal().read().get(0);
        assertThat(journaled.action()).isEqualTo(io.keydeck.journal.JournalAction.REVOKE);
        assertThat(journaled.keyName()).isEqualTo("dev-bob");
        assertThat(journaled.connection()).isEqualTo(sandbox.session.displayName());
        assertThat(journaled.result()).isEqualTo("ok");
        assertThat(journaled.requestId()).startsWith("req_");
        assertThat(onFx(() -> services.status().textProperty().get())).contains(journaled.requestId());
    }

    @Test
    void aLiveKeyIsRevokedOnlyAfterItsNameIsTyped(FxRobot robot) throws Exception {
        Button revoke = fixButton(robot, "backup-verifier", "never-used");
        robot.clickOn(revoke);
        waitUntil(10, () -> robot.lookup("#confirmRevokeButton").tryQuery().isPresent());
        Node confirm = robot.lookup("#confirmRevokeButton").query();
        assertThat(onFx(confirm::isDisabled)).isTrue();
        robot.clickOn("#revokeConfirmField").write("backup");
        assertThat(onFx(confirm::isDisabled)).isTrue();
        robot.write("-verifier");
        waitUntil(5, () -> !confirm.isDisabled());
        robot.clickOn(confirm);
        waitUntil(30, () -> robot.lookup("#revokeSummary").tryQuery().isPresent());
        robot.clickOn("#closeRevokeButton");

        waitUntil(30, () -> findingsFor("backup-verifier", robot).isEmpty() && !isRunning(robot));
        assertThat(onFx(() -> services.status().textProperty().get())).startsWith("backup-verifier (mrk_live_…")
                .contains("revoked (request id req_");
    }

    /** The fix button on the row of {@code keyName}'s {@code rule} finding, scrolled into view. */
    private Button fixButton(FxRobot robot, String keyName, String rule) throws Exception {
        waitUntil(30, () -> findingsFor(keyName, robot).stream().anyMatch(f -> f.ruleId().equals(rule)));
        Finding finding = findingsFor(keyName, robot).stream().filter(f -> f.ruleId().equals(rule)).findFirst()
                .orElseThrow();
        onFx(() -> table(robot).scrollTo(finding));
        waitUntil(10, () -> button(robot, finding).isPresent());
        return onFx(() -> button(robot, finding).orElseThrow());
    }

    private Optional<Button> button(FxRobot robot, Finding finding) {
        return robot.from(table(robot)).lookup(".fix-button").queryAllAs(Button.class).stream()
                .filter(b -> b.getParent() instanceof TableCell<?, ?> cell && cell.getItem() == finding)
                .findFirst();
    }

    private List<Finding> findingsFor(String keyName, FxRobot robot) throws Exception {
        return onFx(() -> table(robot).getItems().stream().filter(f -> f.key().name().equals(keyName)).toList());
    }

    private boolean isRunning(FxRobot robot) {
        return robot.lookup("#runButton").query().isDisabled();
    }

    @SuppressWarnings("unchecked")
    private TableView<Finding> table(FxRobot robot) {
        return robot.lookup(".findings-table").queryAs(TableView.class);
    }
}
