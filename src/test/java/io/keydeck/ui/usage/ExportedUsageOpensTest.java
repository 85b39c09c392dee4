package io.keydeck.ui.usage;

import io.keydeck.ui.FxTestSupport;
import io.keydeck.usage.UsageCsv;
import io.keydeck.usage.UsageCsvTest;
import javafx.concurrent.Task;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** The chart exported as PNG and the data as CSV, from the sandbox's usage, open again as what they claim to be. */
class ExportedUsageOpensTest {
    @TempDir
    Path folder;
    private SandboxUsage usage;
    private UsageViewModel viewModel;
    private UsageChart chart;

    @BeforeEach
    void loadUsage() throws Exception {
        FxTestSupport.startToolkit();
        usage = new SandboxUsage();
        viewModel = onFx(usage::viewModel);
        onFx(viewModel::refresh);
        waitUntil(20, () -> !viewModel.series().isEmpty());
        chart = onFx(() -> new UsageChart(viewModel::describePoint, viewModel::select));
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(new javafx.scene.layout.StackPane(chart.node()), 900, 500));
            stage.show();
        });
        onFx(() -> chart.show(viewModel.series(), viewModel.shownRangeProperty().get(), false, null));
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        usage.close();
    }

    @Test
    void theChartIsSavedAsAPngOfItsOwnSize() throws Exception {
        ChartImage image = onFx(() -> ChartSnapshot.of(chart.visibleChart()));
        Path target = folder.resolve("usage.png");
        Task<Path> export = onFx(() -> viewModel.exportPng(image, target));
        assertThat(export.get(20, TimeUnit.SECONDS)).isEqualTo(target.toAbsolutePath());

        BufferedImage read = ImageIO.read(target.toFile());
        assertThat(read).isNotNull();
        assertThat(read.getWidth()).isEqualTo(image.width());
        assertThat(read.getHeight()).isEqualTo(image.height());
        // the snapshot covers the chart's visual bounds: its laid-out box plus any overhanging tick label
        int chartWidth = onFx(() -> (int) chart.visibleChart().getWidth());
        int chartHeight = onFx(() -> (int) chart.visibleChart().getHeight());
        assertThat(chartWidth).isGreaterThan(300);
        assertThat(read.getWidth()).isBetween(chartWidth, chartWidth + 20);
        assertThat(read.getHeight()).isBetween(chartHeight, chartHeight + 20);
        long distinctColours = java.util.stream.IntStream.range(0, read.getWidth())
                .map(x -> read.getRGB(x, read.getHeight() / 2)).distinct().count();
        assertThat(distinctColours).as("a drawn chart, not a blank image").isGreaterThan(3);
        waitUntil(5, () -> usage.services.status().textProperty().get().contains(target.toAbsolutePath().toString()));
        try (var files = Files.list(folder)) {
            assertThat(files.toList()).as("no temporary file left behind").containsExactly(target);
        }
    }

    @Test
    void theDataIsSavedAsCsvWithOneRowPerPoint() throws Exception {
        Path target = folder.resolve("usage.csv");
        Task<Path> export = onFx(() -> viewModel.exportCsv(target));
        export.get(20, TimeUnit.SECONDS);

        List<List<String>> rows = UsageCsvTest.parse(Files.readString(target, StandardCharsets.UTF_8));
        int points = usage.client.usage(viewModel.shownRangeProperty().get().query()).points().size();
        assertThat(String.join(",", rows.get(0))).isEqualTo(UsageCsv.HEADER);
        assertThat(rows).hasSize(points + 1);
        assertThat(rows.subList(1, rows.size())).allSatisfy(row -> {
            assertThat(row).hasSize(9);
            assertThat(row.get(0)).isNotBlank();
            assertThat(row.get(1)).as("key name resolved from the key list").isNotEqualTo(row.get(0));
            assertThat(java.time.Instant.parse(row.get(2))).isNotNull();
            assertThat(Long.parseLong(row.get(3))).isNotNegative();
            assertThat(new java.math.BigDecimal(row.get(7))).as("the sandbox prices each bucket").isNotNegative();
            assertThat(row.get(8)).isEqualTo("USD");
        });
    }
}
