package io.keydeck.ui.authlog;

import io.keydeck.authlog.Offender;
import io.keydeck.model.AuthEvent;
import io.keydeck.sandbox.IssuedKey;
import io.keydeck.sandbox.SandboxGateway;
import io.keydeck.sandbox.SandboxOptions;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.FxmlView;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
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

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole window, at its first size, over the real sandbox's seeded auth failures plus a revoked key
 * still tried {@value #TRIES} times from one IP (so the busiest IP has a key to open): Top IPs and the
 * IP filter (issue 19 item 5).
 */
@ExtendWith(ApplicationExtension.class)
class TopIpsFilterTheAuthLogTest {
    private static final int TRIES = 150;
    private static final String BUSIEST_IP = "192.0.2.250";
    private static SandboxSession session;
    private final BackgroundTasks tasks = BackgroundTasks.pool(2);

    @BeforeAll
    static void startSandbox() throws Exception {
        SandboxGateway sandbox = SandboxGateway.start(SandboxOptions.defaults().withTraffic(false));
        session = new SandboxSession(sandbox, sandbox.adminToken());
        IssuedKey retired = sandbox.issueInferenceKey("retired-batch");
        session.client.revokeKey(retired.id());
        for (int i = 0; i < TRIES; i++) {
            assertThat(session.chat(retired.secret(), BUSIEST_IP)).isEqualTo(401);
        }
    }

    @AfterAll
    static void stopSandbox() {
        session.close();
    }

    @Start
    void start(Stage stage) {
        session.showWindow(stage, tasks, FxmlView.AUTH_LOG);
    }

    @AfterEach
    void closeTasks() {
        tasks.close();
    }

    @Test
    void clickingAnIpInTopIpsShowsOnlyItsFailuresAndPutsItInTheFilter(FxRobot robot) throws Exception {
        showTopIps(robot);
        Offender second = onFx(() -> ips(robot).getItems().get(1));
        Hyperlink link = onFx(() -> (Hyperlink) firstCellNode(robot, 1, ".ip-filter-link"));
        assertThat(onFx(link::getText)).isEqualTo(second.label());

        robot.clickOn(link);

        waitUntil(5, () -> table(robot).getItems().size() == second.count());
        assertThat(onFx(() -> robot.lookup("#ipField").queryAs(TextField.class).getText())).isEqualTo(second.label());
        assertThat(onFx(() -> table(robot).getItems().stream().map(AuthEvent::clientIp).distinct().toList()))
                .containsExactly(second.label());
    }

    @Test
    void theFirstTopIpsRowShowsItsButtonWhole(FxRobot robot) throws Exception {
        showTopIps(robot);
        assertThat(onFx(() -> ips(robot).getItems().get(0).label())).isEqualTo(BUSIEST_IP);
        Button open = onFx(() -> (Button) firstCellNode(robot, 0, ".open-key"));
        assertThat(open).as("the busiest IP tried a known key: its row offers Open in Keys").isNotNull();

        assertThat(onFx(open::getText)).isEqualTo("Open in Keys");
        assertThat(onFx(() -> ((Text) open.lookup(".text")).getText())).as("drawn whole, not “O…”")
                .isEqualTo("Open in Keys");
        assertThat(onFx(open::getWidth)).isGreaterThanOrEqualTo(onFx(() -> open.prefWidth(-1)) - 0.5);
        Label count = onFx(() -> (Label) firstCellNode(robot, 0, ".spike-text"));
        assertThat(onFx(() -> ((Text) count.lookup(".text")).getText())).as("its words wrap rather than cut")
                .doesNotContain("\u2026");
    }

    @Test
    void typingAnIpNarrowsTheRowsWithEachKeystroke(FxRobot robot) throws Exception {
        waitUntil(30, () -> table(robot) != null && table(robot).getItems().size() > 400);
        List<String> allIps = onFx(() -> table(robot).getItems().stream().map(AuthEvent::clientIp).toList());
        robot.clickOn("#ipField");
        String typed = "";
        int changes = 0;
        int before = allIps.size();
        for (char c : "198.51.100.24".toCharArray()) {
            robot.write(c);
            typed += c;
            String prefix = typed;
            boolean wholeAddress = prefix.matches("(\\d{1,3}\\.){3}\\d{1,3}");
            long expected = allIps.stream().filter(ip -> ip != null
                    && (wholeAddress ? ip.equals(prefix) : ip.contains(prefix))).count();
            // no waiting: the rows have changed by the time the keystroke is handled
            int shown = onFx(() -> table(robot).getItems().size());
            assertThat(shown).as("rows right after typing “%s”", prefix).isEqualTo((int) expected);
            changes += shown == before ? 0 : 1;
            before = shown;
        }
        assertThat(changes).as("the rows changed while typing, not only at the end").isGreaterThanOrEqualTo(3);
        assertThat(before).isPositive();
        assertThat(onFx(() -> table(robot).getItems().stream().allMatch(e -> e.clientIp().equals("198.51.100.24"))))
                .isTrue();
    }

    private static void showTopIps(FxRobot robot) throws Exception {
        waitUntil(30, () -> table(robot) != null && table(robot).getItems().size() > 400
                && ips(robot).getItems().size() > 2);
        Node tab = onFx(() -> robot.lookup(".tab-label").queryAllAs(Label.class).stream()
                .filter(l -> l.getText().equals("Top IPs")).findFirst().orElseThrow());
        robot.clickOn(tab);
        waitUntil(10, () -> ips(robot).isVisible() && firstCellNode(robot, 0, ".ip-filter-link") != null);
    }

    /** The node matching {@code selector} in the Top IPs row at {@code index}, or null. */
    private static Node firstCellNode(FxRobot robot, int index, String selector) {
        return robot.from(ips(robot)).lookup(".list-cell").queryAllAs(ListCell.class).stream()
                .filter(cell -> cell.getIndex() == index && !cell.isEmpty())
                .map(cell -> cell.lookup(selector)).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    static TableView<AuthEvent> table(FxRobot robot) {
        return robot.lookup(".auth-table").tryQueryAs(TableView.class).orElse(null);
    }

    @SuppressWarnings("unchecked")
    static ListView<Offender> ips(FxRobot robot) {
        return robot.lookup("#topIpList").queryAs(ListView.class);
    }
}
