package io.keydeck.ui;

import io.keydeck.gateway.GatewayException;
import io.keydeck.model.ApiKey;
import io.keydeck.model.AuthEvent;
import io.keydeck.model.Capability;
import io.keydeck.model.KeyEnvironment;
import io.keydeck.model.UsagePoint;
import io.keydeck.model.VisibleText;
import io.keydeck.session.ConnectionSession;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.FxmlView;
import io.keydeck.ui.common.Theme;
import io.keydeck.ui.shell.WindowNotices;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gateway's names, hints, ids, messages and error texts carrying terminal escapes, C1 controls and
 * bidi overrides, driven through every view and dialog that shows them (keys and details, revoke
 * confirmation and outcome, usage, auth log, review, journal, notices): no Labeled, cell, text
 * node, field or tooltip of any open window ever holds a raw hostile character, and the escaped form
 * is what the user sees.
 */
@ExtendWith(ApplicationExtension.class)
class HostileTextInEveryViewTest {
    /** ESC ] title BEL, ESC [2J, C1 CSI, right-to-left override, left-to-right isolate. */
    private static final String HOSTILE = "\u001b]0;pwned\u0007\u001b[2J\u009b\u202Egnp.exe\u2066";
    private static final String SHOWN = "\\x1B]0;pwned\\x07\\x1B[2J\\x9B\\u202Egnp.exe\\u2066";

    private final BackgroundTasks tasks = BackgroundTasks.pool(2);
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
    private AppServices services;

    @Start
    void start(Stage stage) {
        ApiKey evil = new ApiKey("key_evil" + HOSTILE, "evil" + HOSTILE, "mrk_test_" + HOSTILE, "9X" + HOSTILE,
                KeyEnvironment.TEST, List.of("chat" + HOSTILE), now.minus(Duration.ofDays(200)), null, null, null,
                false, null, false, Map.of());
        AuthEvent event = new AuthEvent("ev_1", now.minus(Duration.ofMinutes(5)), 401, "authentication_error",
                "invalid_api_key" + HOSTILE, "Refused" + HOSTILE, "req_" + HOSTILE, "mrk_test_" + HOSTILE, "9X",
                evil.id(), "10.0.0.9" + HOSTILE, "curl" + HOSTILE, "POST", "/v1/chat/completions" + HOSTILE);
        FakeGatewayClient client = new FakeGatewayClient(List.of(evil))
                .withCapabilities(Capability.LIST_KEYS, Capability.REVOKE_KEY, Capability.USAGE, Capability.AUTH_EVENTS)
                .withAuthEvents(List.of(event))
                .withUsage(List.of(new UsagePoint(evil.id(), now.minus(Duration.ofHours(3)), 40, 1000, 800, 2)))
                .failingRevokeOf(evil.id(), new GatewayException(GatewayException.Kind.SERVER, 500,
                        "boom" + HOSTILE, "Revoke refused" + HOSTILE, "req_" + HOSTILE));
        services = AppServices.of(tasks, List.of(ConnectionSession.of("Hostile", false, client)),
                Clock.systemDefaultZone());
        Theme.LIGHT.apply();
        stage.setScene(AppWindow.scene(services));
        stage.setWidth(1240);
        stage.setHeight(780);
        stage.show();
    }

    @AfterEach
    void closeTasks() {
        tasks.close();
    }

    @Test
    void noViewOrDialogShowsARawControlOrBidiCharacter(FxRobot robot) throws Exception {
        waitUntil(10, () -> !keysTable(robot).getItems().isEmpty());
        onFx(() -> keysTable(robot).getSelectionModel().select(0));
        shownEverywhere("keys table and details", "evil" + SHOWN);

        onFx(() -> keysTable(robot).requestFocus());
        robot.type(KeyCode.DELETE);
        waitUntil(10, () -> robot.lookup("#confirmRevokeButton").tryQuery().isPresent());
        shownEverywhere("revoke confirmation", "evil" + SHOWN);
        robot.clickOn("#confirmRevokeButton");
        waitUntil(10, () -> robot.lookup("#revokeSummary").tryQuery().map(Node::isVisible).orElse(false));
        shownEverywhere("revoke outcome", "Revoke refused" + SHOWN);
        robot.clickOn("#closeRevokeButton");

        show(FxmlView.USAGE, "evil" + SHOWN);
        show(FxmlView.AUTH_LOG, "Refused" + SHOWN);
        show(FxmlView.REVIEW, "evil" + SHOWN);
        show(FxmlView.JOURNAL, "boom" + SHOWN);

        onFx(() -> services.notices().show(new WindowNotices.Notice("hostile", WindowNotices.Level.DANGER,
                "Gateway says" + HOSTILE, "It said" + HOSTILE)));
        shownEverywhere("notices", "It said" + SHOWN);
    }

    private void show(FxmlView view, String expected) throws Exception {
        onFx(() -> services.navigation().viewProperty().set(view));
        waitUntil(15, () -> texts().stream().anyMatch(t -> t.contains(expected)));
        shownEverywhere(view.name(), expected);
    }

    /** {@code expected} (escaped) is on screen, and no text anywhere holds a raw hostile character. */
    private void shownEverywhere(String where, String expected) throws Exception {
        waitUntil(10, () -> texts().stream().anyMatch(t -> t.contains(expected)));
        List<String> raw = texts().stream().filter(HostileTextInEveryViewTest::hasHostile).toList();
        assertThat(raw).as("texts with raw control/bidi characters in " + where).isEmpty();
    }

    private static boolean hasHostile(String text) {
        return text.chars().anyMatch(c -> c != '\n' && c != '\t' && VisibleText.isHostile(c));
    }

    @SuppressWarnings("unchecked")
    private static TableView<ApiKey> keysTable(FxRobot robot) {
        return robot.lookup(".keys-table").queryAs(TableView.class);
    }

    private static List<String> texts() throws Exception {
        List<String> texts = new ArrayList<>(FxTestSupport.textOfAllWindows());
        texts.removeIf(t -> t == null);
        return texts;
    }
}
