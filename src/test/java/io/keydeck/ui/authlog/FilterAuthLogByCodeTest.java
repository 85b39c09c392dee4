package io.keydeck.ui.authlog;

import io.keydeck.authlog.TestEvents;
import io.keydeck.model.AuthEvent;
import io.keydeck.ui.FakeGatewayClient;
import io.keydeck.ui.TestKeys;
import io.keydeck.ui.common.BackgroundTasks;
import javafx.scene.Node;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** Picking a code in the Auth log narrows the table and the histogram; clicking a bar narrows to its hour. */
@ExtendWith(ApplicationExtension.class)
class FilterAuthLogByCodeTest {
    private final BackgroundTasks tasks = BackgroundTasks.pool(2);

    @Start
    void start(Stage stage) {
        List<AuthEvent> events = new ArrayList<>();
        String[] codes = {"invalid_api_key", "missing_api_key", "expired_api_key"};
        for (int i = 0; i < 90; i++) {
            String code = codes[i % 3];
            events.add(TestEvents.event("evt_" + i, TestKeys.NOW.minus(Duration.ofMinutes(20L * i + 1)),
                    401, code, code.equals("missing_api_key") ? null : "mrk_live_", "k" + (100 + i % 7),
                    null, "10.0.0." + (i % 5)));
        }
        AuthLogOnScreen.show(stage, tasks, new FakeGatewayClient(List.of()).withAuthEvents(events), TestKeys.NOW);
    }

    @AfterEach
    void closeTasks() {
        tasks.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void choosingACodeLeavesOnlyItsRowsAndItsBars(FxRobot robot) throws Exception {
        waitUntil(10, () -> table(robot) != null && table(robot).getItems().size() == 90);
        assertThat(onFx(() -> seriesNames(robot))).containsExactlyInAnyOrder("expired_api_key", "invalid_api_key",
                "missing_api_key");

        onFx(() -> ((ComboBox<String>) robot.lookup("#codeBox").queryAs(ComboBox.class)).getSelectionModel()
                .select("expired_api_key"));
        waitUntil(10, () -> table(robot).getItems().size() == 30);

        assertThat(onFx(() -> table(robot).getItems().stream().map(AuthEvent::code).distinct().toList()))
                .containsExactly("expired_api_key");
        assertThat(onFx(() -> seriesNames(robot))).containsExactly("expired_api_key");
        assertThat(onFx(() -> ((ComboBox<?>) robot.lookup("#codeBox").query()).getValue())).isEqualTo("expired_api_key");

        Node bar = onFx(() -> chart(robot).getData().get(0).getData().get(0).getNode());
        robot.clickOn(bar);
        waitUntil(10, () -> table(robot).getItems().size() < 30);
        assertThat(onFx(() -> table(robot).getItems().size())).isPositive();
        assertThat(onFx(() -> robot.lookup("#bucketLabel").queryLabeled().getText())).startsWith("Only ");
    }

    @Test
    void someBarsAreNamedByTheirTimeBelowThemInOrderAndWithoutOverlap(FxRobot robot) throws Exception {
        waitUntil(10, () -> table(robot) != null && table(robot).getItems().size() == 90);
        // a layout pass after the bars arrived: the chart has placed its ticks
        waitUntil(10, () -> !chart(robot).isNeedsLayout() && robot.lookup(".histogram-tick").queryAll().stream()
                .anyMatch(node -> node.isVisible() && node.getLayoutBounds().getWidth() > 0));

        List<javafx.geometry.Bounds> shown = onFx(() -> robot.lookup(".histogram-tick").queryAll().stream()
                .filter(Node::isVisible)
                .map(node -> node.localToScene(node.getLayoutBounds()))
                .sorted(java.util.Comparator.comparingDouble(javafx.geometry.Bounds::getMinX)).toList());
        List<String> texts = onFx(() -> robot.lookup(".histogram-tick").queryAll().stream()
                .filter(Node::isVisible)
                .sorted(java.util.Comparator.comparingDouble(node -> node.localToScene(0, 0).getX()))
                .map(node -> ((javafx.scene.control.Label) node).getText()).toList());

        assertThat(texts).hasSizeGreaterThanOrEqualTo(2).allMatch(text -> text.matches("\\d\\d-\\d\\d \\d\\d:\\d\\d"));
        assertThat(texts).isSorted();
        for (int i = 1; i < shown.size(); i++) {
            assertThat(shown.get(i).getMinX()).as("tick %d starts after the one before ends", i)
                    .isGreaterThan(shown.get(i - 1).getMaxX());
        }
        javafx.geometry.Bounds plot = onFx(() -> {
            Node background = chart(robot).lookup(".chart-plot-background");
            return background.localToScene(background.getLayoutBounds());
        });
        assertThat(shown.get(0).getMinY()).as("the times are below the bars").isGreaterThanOrEqualTo(plot.getMaxY());
    }

    @SuppressWarnings("unchecked")
    private static TableView<AuthEvent> table(FxRobot robot) {
        return robot.lookup(".auth-table").tryQueryAs(TableView.class).orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static StackedBarChart<String, Number> chart(FxRobot robot) {
        return robot.lookup(".auth-histogram-chart").queryAs(StackedBarChart.class);
    }

    private static List<String> seriesNames(FxRobot robot) {
        return chart(robot).getData().stream().map(XYChart.Series::getName).toList();
    }
}
