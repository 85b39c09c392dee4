package io.keydeck.ui.authlog;

import io.keydeck.ui.FakeGatewayClient;
import io.keydeck.ui.TestKeys;
import io.keydeck.ui.common.BackgroundTasks;
import javafx.css.PseudoClass;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** At 12:22 the histogram's 12:20 bar has counted 2 of its 5 minutes: it is drawn lighter ("so far"), the full hours are not. */
@ExtendWith(ApplicationExtension.class)
class TheNewestHistogramBarIsMarkedPartialTest {
    private static final Instant NOW = TestKeys.NOW.plus(Duration.ofMinutes(22));
    private static final PseudoClass PARTIAL = PseudoClass.getPseudoClass("partial");
    private final BackgroundTasks tasks = BackgroundTasks.pool(2);

    @Start
    void start(Stage stage) {
        AuthLogOnScreen.show(stage, tasks, new FakeGatewayClient(List.of())
                .withAuthEvents(AuthLogOnScreen.everyTenMinutes(NOW)), NOW);
    }

    @AfterEach
    void closeTasks() {
        tasks.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void onlyTheBucketStillFillingIsLighter(FxRobot robot) throws Exception {
        waitUntil(10, () -> robot.lookup(".auth-histogram-chart").tryQuery().isPresent()
                && !robot.lookup(".auth-histogram-chart").queryAs(StackedBarChart.class).getData().isEmpty());
        StackedBarChart<String, Number> chart = robot.lookup(".auth-histogram-chart").queryAs(StackedBarChart.class);
        waitUntil(10, () -> chart.getData().get(0).getData().stream().allMatch(d -> d.getNode() != null));

        List<XYChart.Data<String, Number>> bars = onFx(() -> chart.getData().get(0).getData());
        XYChart.Data<String, Number> newest = bars.get(bars.size() - 1);
        assertThat(newest.getXValue()).isEqualTo("2026-03-10 12:20"); // 5-minute bars over 5 hours
        assertThat(onFx(() -> newest.getNode().getPseudoClassStates())).contains(PARTIAL);
        assertThat(onFx(() -> bars.subList(0, bars.size() - 1).stream()
                .noneMatch(d -> d.getNode().getPseudoClassStates().contains(PARTIAL)))).isTrue();
        waitUntil(5, () -> newest.getNode().getOpacity() < 0.6); // drawn lighter once styled
        assertThat(onFx(() -> bars.get(0).getNode().getOpacity())).isEqualTo(1.0);
    }
}
