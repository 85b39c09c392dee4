package io.keydeck.ui.usage;

import io.keydeck.model.UsageBucket;
import io.keydeck.ui.AppWindow;
import io.keydeck.ui.FxTestSupport;
import io.keydeck.ui.common.FxmlView;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.time.Duration;
import java.util.List;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** The Usage view in the real window against the real sandbox: picking 30 d redraws the chart daily over 30 days. */
class SwitchingTheUsageRangeChangesTheChartTest {
    private final FxRobot robot = new FxRobot();
    private SandboxUsage usage;

    @BeforeEach
    void showWindow() throws Exception {
        FxTestSupport.startToolkit();
        usage = new SandboxUsage();
        usage.services.navigation().show(FxmlView.USAGE);
        FxToolkit.setupStage(stage -> {
            stage.setScene(AppWindow.scene(usage.services));
            stage.setWidth(1240);
            stage.setHeight(780);
            stage.show();
        });
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        usage.close();
    }

    @Test
    void switchingFromSevenToThirtyDaysRedrawsTheChart() throws Exception {
        waitUntil(20, () -> chart() != null && !chart().getData().isEmpty()
                && !chart().getData().get(0).getData().isEmpty());
        double weekSpan = onFx(() -> span(chart()));
        int weekPoints = onFx(() -> chart().getData().get(0).getData().size());
        assertThat(weekSpan).isEqualTo(Duration.ofDays(7).toMillis());
        assertThat(weekPoints).isEqualTo(7 * 24);
        assertThat(onFx(() -> legend())).contains("All other keys").hasSize(6);

        onFx(() -> robot.lookup(".toggle-button").queryAllAs(ToggleButton.class).stream()
                .filter(b -> b.getText().equals("30 d")).findFirst().orElseThrow().fire());

        waitUntil(20, () -> span(chart()) == Duration.ofDays(30).toMillis()
                && !chart().getData().isEmpty() && chart().getData().get(0).getData().size() == 30);
        assertThat(onFx(() -> bucketBox().getValue())).isEqualTo(UsageBucket.DAY);
        assertThat(onFx(() -> robot.lookup(".usage-card-value").queryAllAs(Labeled.class).size())).isEqualTo(5);
        assertThat(onFx(() -> ((Stage) robot.listTargetWindows().get(0)).isShowing())).isTrue();
    }

    private static double span(XYChart<Number, Number> chart) {
        NumberAxis x = (NumberAxis) chart.getXAxis();
        return x.getUpperBound() - x.getLowerBound();
    }

    private List<String> legend() {
        return robot.from(chart()).lookup(".chart-legend-item").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).toList();
    }

    @SuppressWarnings("unchecked")
    private ComboBox<UsageBucket> bucketBox() {
        return robot.lookup("#bucketBox").queryAs(ComboBox.class);
    }

    @SuppressWarnings("unchecked")
    private XYChart<Number, Number> chart() {
        return robot.lookup(".usage-chart").queryAllAs(XYChart.class).stream()
                .filter(javafx.scene.Node::isVisible).findFirst().orElse(null);
    }
}
