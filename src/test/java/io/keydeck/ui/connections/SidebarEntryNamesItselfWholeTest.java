package io.keydeck.ui.connections;

import io.keydeck.ui.AppServices;
import io.keydeck.ui.AppWindow;
import io.keydeck.session.ConnectionSession;
import io.keydeck.ui.FakeGatewayClient;
import io.keydeck.ui.TestKeys;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.Theme;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** A connection name too long for the sidebar is cut on screen, but its tooltip and screen-reader name say it whole. */
@ExtendWith(ApplicationExtension.class)
class SidebarEntryNamesItselfWholeTest {
    private static final String LONG_NAME = "MultiRoute production gateway for the EU checkout team";
    private final BackgroundTasks tasks = BackgroundTasks.pool(2);

    @Start
    void start(Stage stage) {
        AppServices services = AppServices.of(tasks, List.of(ConnectionSession.of(LONG_NAME, true,
                new FakeGatewayClient(TestKeys.many(3)))), Clock.fixed(TestKeys.NOW, ZoneOffset.UTC));
        Theme.LIGHT.apply();
        Scene scene = AppWindow.scene(services);
        stage.setScene(scene);
        stage.setWidth(1024);
        stage.setHeight(640);
        stage.show();
    }

    @AfterEach
    void closeTasks() {
        tasks.close();
    }

    @Test
    void theCutNameIsWholeInTheTooltipAndTheAccessibleName(FxRobot robot) throws Exception {
        waitUntil(10, () -> onFx(() -> entry(robot) != null));
        ListCell<?> cell = onFx(() -> entry(robot));

        List<String> shown = onFx(() -> cell.lookupAll(".sidebar-entry .text").stream()
                .map(node -> ((Text) node).getText()).toList());
        assertThat(shown).singleElement().asString().endsWith("...").isNotEqualTo(LONG_NAME);
        assertThat(onFx(cell::getAccessibleText)).isEqualTo(LONG_NAME + " \u2014 Demo data only");
        assertThat(onFx(() -> cell.getTooltip().getText())).isEqualTo(LONG_NAME + " \u2014 Demo data only");
    }

    private static ListCell<?> entry(FxRobot robot) {
        return robot.lookup("#connectionList .list-cell").queryAll().stream()
                .map(node -> (ListCell<?>) node)
                .filter(cell -> cell.getItem() != null)
                .findFirst().orElse(null);
    }
}
