package io.keydeck.ui.authlog;

import atlantafx.base.controls.ToggleSwitch;
import io.keydeck.authlog.TestEvents;
import io.keydeck.model.AuthEvent;
import io.keydeck.ui.FakeGatewayClient;
import io.keydeck.ui.TestKeys;
import io.keydeck.ui.common.BackgroundTasks;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live tail is on and one more failure arrives in the newest bar: that bar grows by one and the table
 * gets one row on top, while every series, bar and bar node of the histogram stays the one it was (no
 * chart rebuilt and re-styled on each poll, which kept an idle window busy), and the table's key cells and the
 * side lists' rows keep their nodes, only their text changes (nodes made afresh on each poll had CSS applied
 * to them every five seconds); and the layout requests of what changed stop at the chart, the table and the
 * summary line, where they used to lay out the whole window.
 */
@ExtendWith(ApplicationExtension.class)
class ALiveTailPollChangesOnlyItsBarTest {
    private static final Instant NOW = TestKeys.NOW.plus(Duration.ofMinutes(22));
    private final BackgroundTasks tasks = BackgroundTasks.pool(2);
    private final List<AuthEvent> events = new ArrayList<>();
    private FakeGatewayClient gateway;

    @Start
    void start(Stage stage) {
        events.addAll(AuthLogOnScreen.everyTenMinutes(NOW));
        gateway = new FakeGatewayClient(List.of()).withAuthEvents(events);
        AuthLogOnScreen.show(stage, tasks, gateway, NOW);
    }

    @AfterEach
    void closeTasks() {
        tasks.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theNewestBarCountsOneMoreWithTheSameNodes(FxRobot robot) throws Exception {
        waitUntil(10, () -> robot.lookup(".auth-histogram-chart").tryQuery().isPresent()
                && !robot.lookup(".auth-histogram-chart").queryAs(StackedBarChart.class).getData().isEmpty());
        StackedBarChart<String, Number> chart = robot.lookup(".auth-histogram-chart").queryAs(StackedBarChart.class);
        waitUntil(10, () -> chart.getData().get(0).getData().stream().allMatch(d -> d.getNode() != null));
        TableView<AuthEvent> table = robot.lookup(".auth-table").queryAs(TableView.class);
        waitUntil(10, () -> table.getItems().size() == 30);

        List<XYChart.Series<String, Number>> series = onFx(() -> List.copyOf(chart.getData()));
        List<XYChart.Data<String, Number>> bars = onFx(() -> List.copyOf(chart.getData().get(0).getData()));
        List<Node> nodes = onFx(() -> bars.stream().map(XYChart.Data::getNode).toList());
        Set<Node> barNodes = onFx(() -> chart.lookupAll(".chart-bar").stream().collect(Collectors.toSet()));
        Set<Node> keyNodes = onFx(() -> cellGraphics(table, ".table-cell"));
        Set<Node> sideNodes = onFx(() -> sideListGraphics(chart));
        assertThat(keyNodes).as("key cells shown").isNotEmpty();
        assertThat(sideNodes).as("side-list rows shown").isNotEmpty();
        XYChart.Data<String, Number> newest = bars.stream().filter(d -> d.getXValue().equals("2026-03-10 12:20"))
                .findFirst().orElseThrow();
        assertThat(newest.getYValue().intValue()).isEqualTo(1);

        events.add(0, TestEvents.invalid("evt_new", NOW.minus(Duration.ofMinutes(1)), "nnnn", "10.0.0.77"));
        gateway.withAuthEvents(events);
        onFx(() -> ((ToggleSwitch) chart.getScene().lookup("#liveTailSwitch")).setSelected(true));
        Parent view = onFx(() -> (Parent) chart.getScene().lookup(".auth-log-view"));
        Parent windowRoot = onFx(() -> chart.getScene().getRoot());
        waitUntil(10, () -> !view.isNeedsLayout() && !windowRoot.isNeedsLayout());
        List<String> laidOutAgain = new java.util.concurrent.CopyOnWriteArrayList<>();
        onFx(() -> {
            view.needsLayoutProperty().addListener((o, was, now) -> laidOutAgain.add(now ? "the Auth log view" : ""));
            windowRoot.needsLayoutProperty().addListener((o, was, now) -> laidOutAgain.add(now ? "the window" : ""));
        });
        waitUntil(20, () -> newest.getYValue().intValue() == 2);
        waitUntil(10, () -> table.getItems().size() == 31);

        assertThat(onFx(() -> List.copyOf(chart.getData()))).as("series").containsExactlyElementsOf(series);
        assertThat(onFx(() -> List.copyOf(chart.getData().get(0).getData()))).as("bars").containsExactlyElementsOf(bars);
        assertThat(onFx(() -> bars.stream().map(XYChart.Data::getNode).toList())).as("bar nodes")
                .containsExactlyElementsOf(nodes);
        assertThat(onFx(() -> chart.lookupAll(".chart-bar").stream().collect(Collectors.toSet())))
                .as("no bar node made, none dropped").isEqualTo(barNodes);
        assertThat(onFx(() -> table.getItems().get(0).id())).isEqualTo("evt_new");
        assertThat(onFx(() -> cellGraphics(table, ".table-cell"))).as("key cells: the same nodes, shifted")
                .isEqualTo(keyNodes);
        assertThat(onFx(() -> sideListGraphics(chart))).as("side-list rows: none made anew").containsAll(sideNodes);
        assertThat(onFx(() -> summary(chart))).as("the summary counted the new row").contains("31");
        assertThat(laidOutAgain).as("a poll lays out the chart, the table and the summary, not their containers")
                .allMatch(String::isEmpty);
    }

    private static String summary(Node anywhere) {
        return ((javafx.scene.control.Label) anywhere.getScene().lookup("#summaryLabel")).getText();
    }

    /** The graphics (key links, hints, markers) of the non-empty cells matching {@code selector} under {@code parent}. */
    private static Set<Node> cellGraphics(Node parent, String selector) {
        return parent.lookupAll(selector).stream().filter(n -> n instanceof javafx.scene.control.IndexedCell<?> cell
                        && !cell.isEmpty() && cell.getGraphic() != null)
                .map(n -> ((javafx.scene.control.Labeled) n).getGraphic()).collect(Collectors.toSet());
    }

    private static Set<Node> sideListGraphics(Node anywhere) {
        Set<Node> graphics = new java.util.HashSet<>();
        for (String list : List.of("#signalList", "#topKeyList", "#topIpList")) {
            graphics.addAll(cellGraphics(anywhere.getScene().lookup(list), ".list-cell"));
        }
        return graphics;
    }
}
