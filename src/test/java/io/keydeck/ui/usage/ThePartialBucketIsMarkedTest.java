package io.keydeck.ui.usage;

import io.keydeck.model.Capability;
import io.keydeck.model.UsagePoint;
import io.keydeck.session.ConnectionSession;
import io.keydeck.ui.AppServices;
import io.keydeck.ui.AppWindow;
import io.keydeck.ui.FakeGatewayClient;
import io.keydeck.ui.TestKeys;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.FxmlView;
import io.keydeck.ui.common.Theme;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Half an hour into the current hour, the chart's last bucket has counted only half an hour: it is marked
 * "so far" (a lighter band over it, and the hover line says so) instead of reading as a plunge.
 */
@ExtendWith(ApplicationExtension.class)
class ThePartialBucketIsMarkedTest {
    /** 12:30 UTC: the 12:00 bucket is half over. */
    private static final Instant NOW = TestKeys.NOW.plus(Duration.ofMinutes(30));
    private final BackgroundTasks tasks = BackgroundTasks.pool(2);
    private AppServices services;

    @Start
    void start(Stage stage) {
        List<UsagePoint> points = new ArrayList<>();
        Instant hour = TestKeys.NOW.minus(Duration.ofDays(8));
        for (; !hour.isAfter(TestKeys.NOW); hour = hour.plus(Duration.ofHours(1))) {
            boolean filling = hour.equals(TestKeys.NOW);
            points.add(new UsagePoint("key_a001", hour, filling ? 40 : 100, 1000, 500, 1));
        }
        services = AppServices.of(tasks, List.of(ConnectionSession.of("Staging gateway", false,
                new FakeGatewayClient(List.of(TestKeys.active("key_a001", "Billing service"))).withUsage(points)
                        .withCapabilities(Capability.LIST_KEYS, Capability.USAGE))),
                Clock.fixed(NOW, ZoneOffset.UTC));
        Theme.LIGHT.apply();
        stage.setScene(AppWindow.scene(services));
        stage.setWidth(1200);
        stage.setHeight(800);
        stage.show();
        services.navigation().show(FxmlView.USAGE);
    }

    @AfterEach
    void closeTasks() {
        tasks.close();
    }

    @Test
    void theBucketStillFillingIsMarkedSoFar(FxRobot robot) throws Exception {
        waitUntil(10, () -> band(robot) != null && band(robot).isVisible());

        Label note = robot.lookup(".usage-partial-note").queryAs(Label.class);
        assertThat(onFx(note::getText)).isEqualTo("so far");
        assertThat(onFx(() -> note.isVisible() && note.getWidth() > 0)).isTrue();
        // the band covers the last hour on the time axis: from 12:00 to the range's end at 13:00
        double[] edges = onFx(() -> {
            XYChart<?, ?> chart = robot.lookup("#usageChart .usage-chart").queryAs(XYChart.class);
            NumberAxis x = (NumberAxis) chart.getXAxis();
            double from = x.localToScene(x.getDisplayPosition(TestKeys.NOW.toEpochMilli()), 0).getX();
            double to = x.localToScene(x.getDisplayPosition(TestKeys.NOW.plus(Duration.ofHours(1)).toEpochMilli()), 0)
                    .getX();
            Bounds band = band(robot).localToScene(band(robot).getLayoutBounds());
            return new double[]{from, to, band.getMinX(), band.getMaxX(), band.getHeight()};
        });
        assertThat(edges[3]).as("ends at the range's end").isCloseTo(edges[1], within(2.0));
        assertThat(edges[2]).as("starts where the filling hour starts").isCloseTo(Math.min(edges[0], edges[1] - 2),
                within(2.0));
        assertThat(edges[4]).as("as high as the plot").isGreaterThan(100);

        robot.moveTo(band(robot)); // the middle of the filling hour
        waitUntil(5, () -> robot.lookup(".usage-hover").queryAs(Label.class).isVisible());
        assertThat(onFx(() -> robot.lookup(".usage-hover").queryAs(Label.class).getText()))
                .contains("2026-03-10 12:00 UTC (so far: the bucket is not over)").contains("40 requests");
    }

    @Test
    void aRangeWhollyInThePastHasNoPartialBucket(FxRobot robot) throws Exception {
        waitUntil(10, () -> band(robot) != null && band(robot).isVisible());
        onFx(() -> robot.lookup("#presetCustom").queryAs(javafx.scene.control.ToggleButton.class).fire());
        // a custom range ending yesterday: every bucket is over
        LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
        onFx(() -> {
            javafx.scene.control.DatePicker to = robot.lookup("#toPicker").queryAs(javafx.scene.control.DatePicker.class);
            to.setValue(today.minusDays(1));
        });
        waitUntil(10, () -> band(robot) != null && !band(robot).isVisible());
    }

    private static Node band(FxRobot robot) {
        return robot.lookup(".usage-partial-band").tryQuery().orElse(null);
    }
}
