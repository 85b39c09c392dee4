package io.keydeck.bench;

import io.keydeck.gateway.AdminToken;
import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayDriver;
import io.keydeck.gateway.GatewayTarget;
import io.keydeck.model.UsageBucket;
import io.keydeck.model.UsagePoint;
import io.keydeck.sandbox.SandboxGateway;
import io.keydeck.sandbox.SandboxOptions;
import io.keydeck.ui.usage.UsageChart;
import io.keydeck.usage.ChartSeries;
import io.keydeck.usage.SeriesReduction;
import io.keydeck.usage.UsageBreakdown;
import io.keydeck.usage.UsageMetric;
import io.keydeck.usage.UsageRange;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Usage at scale: 1,000 keys × 30 days of hourly buckets from the sandbox. Prints fetch time, aggregation +
 * reduction time, time from data to the first pulse with the chart laid out in a real (Monocle headless)
 * stage, and peak RSS. Not a test: run it by hand (see the report for the command).
 */
public final class UsageBenchmark {
    private static final int CHART_COLUMNS = 1000;
    private static final int RUNS = 10;

    public static void main(String[] args) throws Exception {
        headlessUnlessDisplay();
        try (SandboxGateway sandbox = SandboxGateway.start(SandboxOptions.defaults().withKeys(1000).withTraffic(false));
             GatewayClient client = GatewayDriver.byId("multiroute").orElseThrow()
                     .connect(new GatewayTarget(sandbox.baseUrl(), AdminToken.of(sandbox.adminToken())))) {
            UsageRange range = UsageRange.last(Duration.ofDays(30), Instant.now(), UsageBucket.HOUR);
            say("keys: %d, range: %s .. %s, %d hourly buckets", sandbox.keyCount(), range.start(), range.end(),
                    range.bucketCount());

            List<UsagePoint> points = null;
            long[] fetch = new long[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long t = System.nanoTime();
                points = client.usage(range.query()).points();
                fetch[i] = System.nanoTime() - t;
            }
            say("points returned: %,d (of %,d key-hours; the sandbox omits all-zero points)", points.size(),
                    (long) sandbox.keyCount() * range.bucketCount());
            say("fetch (HTTP + JSON)          first %s, median %s", ms(fetch[0]), ms(median(fetch)));

            long[] aggregate = new long[RUNS];
            long[] gridOnly = new long[RUNS];
            long[] aggregateCpu = new long[RUNS];
            List<ChartSeries> reduced = null;
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            for (int i = 0; i < RUNS; i++) {
                long cpu = threads.getCurrentThreadCpuTime();
                long t = System.nanoTime();
                UsageBreakdown breakdown = UsageBreakdown.of(range, points);
                gridOnly[i] = System.nanoTime() - t;
                List<ChartSeries> top = breakdown.topSeries(UsageMetric.REQUESTS, 5, id -> id, "All other keys");
                reduced = new ArrayList<>();
                for (ChartSeries series : top) {
                    reduced.add(SeriesReduction.toColumns(series, CHART_COLUMNS / 4));
                }
                aggregate[i] = System.nanoTime() - t;
                aggregateCpu[i] = threads.getCurrentThreadCpuTime() - cpu;
            }
            say("aggregation + reduction      first %s, median %s (%d series, %d points each after reduction)",
                    ms(aggregate[0]), ms(median(aggregate)), reduced.size(), reduced.get(0).size());
            say("  thread CPU time            first %s, median %s", ms(aggregateCpu[0]), ms(median(aggregateCpu)));
            say("  of which onto the grid     first %s, median %s", ms(gridOnly[0]), ms(median(gridOnly)));

            UsageBreakdown breakdown = UsageBreakdown.of(range, points);
            long[] shown = new long[RUNS];
            Platform.startup(() -> { });
            for (int i = 0; i < RUNS; i++) {
                shown[i] = timeToFirstChart(breakdown, range);
            }
            say("data set -> chart laid out   first %s, median %s (top keys + chart build + first pulse, 1240x700 stage)",
                    ms(shown[0]), ms(median(shown)));
            Platform.exit();
        }
        say("peak RSS (VmHWM): %s", Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("VmHWM")).findFirst().orElse("n/a").replaceAll("\\s+", " "));
    }

    /** On the FX thread: from the aggregated data to the first pulse after the chart holds it. */
    private static long timeToFirstChart(UsageBreakdown breakdown, UsageRange range) throws Exception {
        CompletableFuture<Long> done = new CompletableFuture<>();
        CountDownLatch shownStage = new CountDownLatch(1);
        Stage[] stage = new Stage[1];
        UsageChart[] chart = new UsageChart[1];
        Platform.runLater(() -> {
            chart[0] = new UsageChart((series, index) -> "", series -> { });
            stage[0] = new Stage();
            stage[0].setScene(new Scene(new StackPane(chart[0].node()), 1240, 700));
            stage[0].show();
            shownStage.countDown();
        });
        shownStage.await(10, TimeUnit.SECONDS);
        Thread.sleep(300); // let the empty stage settle so only the data's work is timed
        Platform.runLater(() -> {
            Scene scene = stage[0].getScene();
            long start = System.nanoTime();
            List<ChartSeries> top = breakdown.topSeries(UsageMetric.REQUESTS, 5, id -> id, "All other keys");
            chart[0].show(top, range, false, null);
            Runnable[] listener = new Runnable[1];
            listener[0] = () -> {
                scene.removePostLayoutPulseListener(listener[0]);
                done.complete(System.nanoTime() - start);
            };
            scene.addPostLayoutPulseListener(listener[0]);
        });
        long elapsed = done.get(20, TimeUnit.SECONDS);
        Platform.runLater(stage[0]::close);
        return elapsed;
    }

    private static void headlessUnlessDisplay() {
        if (System.getenv("DISPLAY") == null || Boolean.getBoolean("headless")) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("prism.text", "t2k");
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String ms(long nanos) {
        return String.format("%7.1f ms", nanos / 1e6);
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(format, args));
    }
}
