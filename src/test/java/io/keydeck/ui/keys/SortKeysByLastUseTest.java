package io.keydeck.ui.keys;

import io.keydeck.model.ApiKey;
import io.keydeck.model.KeyEnvironment;
import io.keydeck.ui.AppServices;
import io.keydeck.ui.AppWindow;
import io.keydeck.session.ConnectionSession;
import io.keydeck.ui.FakeGatewayClient;
import io.keydeck.ui.TestKeys;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.Theme;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** Clicking a time column sorts by the time itself, not by its words ("2 months ago" vs "3 days ago"). */
@ExtendWith(ApplicationExtension.class)
class SortKeysByLastUseTest {
    private final BackgroundTasks tasks = BackgroundTasks.pool(2);

    @Start
    void start(Stage stage) {
        List<ApiKey> keys = List.of(
                used("Three days", Duration.ofDays(3)),
                used("Never", null),
                used("Two months", Duration.ofDays(65)),
                used("Ten minutes", Duration.ofMinutes(10)),
                used("Twenty hours", Duration.ofHours(20)));
        AppServices services = AppServices.of(tasks,
                List.of(ConnectionSession.of("Fake", false, new FakeGatewayClient(keys))),
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
    void clickingLastUsedSortsByTimeAndAgainReverses(FxRobot robot) throws Exception {
        waitUntil(10, () -> table(robot).getItems().size() == 5);

        robot.clickOn("Last used");
        assertThat(names(robot)).containsExactly("Never", "Two months", "Three days", "Twenty hours", "Ten minutes");

        robot.clickOn("Last used");
        assertThat(names(robot)).containsExactly("Ten minutes", "Twenty hours", "Three days", "Two months", "Never");
    }

    private static ApiKey used(String name, Duration ago) {
        return TestKeys.key("key_" + name.hashCode(), name, KeyEnvironment.LIVE, List.of("chat"),
                Duration.ofDays(100), ago, null, false, false);
    }

    @SuppressWarnings("unchecked")
    private static TableView<ApiKey> table(FxRobot robot) {
        return robot.lookup(".keys-table").queryAs(TableView.class);
    }

    private static List<String> names(FxRobot robot) throws Exception {
        return onFx(() -> table(robot).getItems().stream().map(ApiKey::name).toList());
    }
}
