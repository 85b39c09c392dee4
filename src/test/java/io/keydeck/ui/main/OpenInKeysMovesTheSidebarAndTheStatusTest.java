package io.keydeck.ui.main;

import io.keydeck.authlog.TestEvents;
import io.keydeck.model.AuthEvent;
import io.keydeck.session.ConnectionSession;
import io.keydeck.ui.AppServices;
import io.keydeck.ui.AppWindow;
import io.keydeck.ui.FakeGatewayClient;
import io.keydeck.ui.TestKeys;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.FxmlView;
import io.keydeck.ui.common.Theme;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Open in Keys" from an auth-log signal moves the sidebar's highlight to Keys, and the status bar then
 * speaks for Keys, not "Loaded 12 auth events".
 */
@ExtendWith(ApplicationExtension.class)
class OpenInKeysMovesTheSidebarAndTheStatusTest {
    private final BackgroundTasks tasks = BackgroundTasks.pool(2);
    private AppServices services;

    @Start
    void start(Stage stage) {
        List<AuthEvent> events = new ArrayList<>();
        for (int i = 0; i < 12; i++) { // one key failing from 12 IPs: a "may have leaked" signal naming it
            events.add(TestEvents.event("evt_" + i, TestKeys.NOW.minus(Duration.ofMinutes(3L * i + 1)), 401,
                    "key_disabled", "mrk_live_", "a001", "key_a001", "10.0.0." + i));
        }
        services = AppServices.of(tasks, List.of(ConnectionSession.of("Staging gateway", false,
                new FakeGatewayClient(List.of(TestKeys.active("key_a001", "Billing service"),
                        TestKeys.active("key_b002", "Search"))).withAuthEvents(events))),
                Clock.fixed(TestKeys.NOW, ZoneOffset.UTC));
        Theme.LIGHT.apply();
        stage.setScene(AppWindow.scene(services));
        stage.show();
    }

    @AfterEach
    void closeTasks() {
        tasks.close();
    }

    @Test
    void openInKeysHighlightsKeysAndShowsNoAuthLogMessage(FxRobot robot) throws Exception {
        waitUntil(10, () -> statusText(robot).equals("Loaded 2 keys"));
        onFx(() -> services.navigation().show(FxmlView.AUTH_LOG));
        waitUntil(10, () -> robot.lookup(".auth-table").tryQueryAs(TableView.class)
                .map(t -> t.getItems().size() == 12).orElse(false));
        waitUntil(10, () -> statusText(robot).equals("Loaded 12 auth events"));
        assertThat(onFx(() -> sidebar(robot).getSelectionModel().getSelectedItem())).isEqualTo(FxmlView.AUTH_LOG);

        robot.clickOn(robot.lookup(".signal-list .open-key").queryButton());

        waitUntil(10, () -> services.navigation().viewProperty().get() == FxmlView.KEYS);
        assertThat(onFx(() -> sidebar(robot).getSelectionModel().getSelectedItem()))
                .as("the sidebar follows the jump").isEqualTo(FxmlView.KEYS);
        assertThat(statusText(robot)).as("the Keys view's status, not the auth log's")
                .doesNotContain("auth events");

        onFx(() -> services.navigation().show(FxmlView.AUTH_LOG));
        assertThat(statusText(robot)).as("back on the auth log, its own message").isEqualTo("Loaded 12 auth events");
    }

    @SuppressWarnings("unchecked")
    private static ListView<FxmlView> sidebar(FxRobot robot) {
        return robot.lookup("#viewList").queryAs(ListView.class);
    }

    private static String statusText(FxRobot robot) throws Exception {
        return onFx(() -> robot.lookup(".app-status-bar").queryAs(StatusBar.class).getText());
    }
}
