package io.keydeck.bench;

import io.keydeck.gateway.AdminToken;
import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayDriver;
import io.keydeck.gateway.GatewayTarget;
import io.keydeck.session.ConnectionSession;
import io.keydeck.ui.AppServices;
import io.keydeck.ui.AppWindow;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.FxmlView;
import io.keydeck.ui.common.Theme;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Toggle;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The window idling on the Auth log of a gateway whose traffic keeps bringing auth failures, with live
 * tail on or off: once the Auth log shows events and a settling span has passed, it measures this process's CPU time over a fixed span and prints one
 * line, {@code idle-tail on|off: cpu N ms over S s, rss N KB}. scripts/bench.sh runs it both ways under
 * Xvfb, so "off" is the floor of "on" (the same process, the feature off).
 *
 * <p>Arguments: base URL, {@code on|off}, settling seconds after the events show, measured seconds; the admin token comes
 * from {@code KD_TOKEN}.
 */
public final class IdleTail {
    private IdleTail() {
    }

    public static void main(String[] args) throws Exception {
        URI baseUrl = URI.create(args[0]);
        boolean tail = args[1].equals("on");
        long warmUp = Long.parseLong(args[2]);
        long measured = Long.parseLong(args[3]);
        GatewayClient client = GatewayDriver.byId("multiroute").orElseThrow()
                .connect(new GatewayTarget(baseUrl, AdminToken.of(System.getenv("KD_TOKEN"))));
        BackgroundTasks tasks = BackgroundTasks.pool(2);
        AppServices services = AppServices.of(tasks, List.of(ConnectionSession.of("Sandbox", false, client)),
                Clock.systemUTC());
        CompletableFuture<Stage> shown = new CompletableFuture<>();
        Platform.startup(() -> {
            Theme.LIGHT.apply();
            Stage stage = new Stage();
            stage.setScene(AppWindow.scene(services));
            stage.setWidth(1280);
            stage.setHeight(800);
            stage.show();
            services.navigation().show(FxmlView.AUTH_LOG);
            shown.complete(stage);
        });
        Stage stage = shown.get(60, TimeUnit.SECONDS);
        CompletableFuture<Boolean> switched = new CompletableFuture<>();
        Platform.runLater(() -> {
            Node node = stage.getScene().lookup("#liveTailSwitch");
            if (node instanceof Toggle toggle) {
                toggle.setSelected(tail);
                switched.complete(toggle.isSelected());
            } else {
                switched.completeExceptionally(new IllegalStateException("no live-tail switch on the Auth log"));
            }
        });
        if (switched.get(30, TimeUnit.SECONDS) != tail) {
            throw new IllegalStateException("the live-tail switch did not turn " + args[1]);
        }
        // warmed up once the Auth log shows the gateway's events (an event, not a guessed pause)
        java.util.concurrent.CountDownLatch loaded = new java.util.concurrent.CountDownLatch(1);
        Platform.runLater(() -> {
            @SuppressWarnings("unchecked")
            javafx.scene.control.TableView<Object> table =
                    (javafx.scene.control.TableView<Object>) stage.getScene().lookup(".auth-table");
            table.getItems().addListener((javafx.collections.ListChangeListener<Object>) change -> {
                if (!table.getItems().isEmpty()) {
                    loaded.countDown();
                }
            });
            if (!table.getItems().isEmpty()) {
                loaded.countDown();
            }
        });
        if (!loaded.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the Auth log showed no events within 60 s");
        }
        // part of the measurement's design, not a wait for something: JIT and the first polls settle for the
        // same span in both runs, so "on" and "off" are compared in their steady state (measured from 0 s on,
        // both were dominated by start-up: 3.5 s and 2.6 s of CPU in 5 s)
        TimeUnit.SECONDS.sleep(warmUp);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long wallBefore = System.nanoTime();
        // the measured span itself: idle CPU is CPU time over a stretch of wall time; a soak (-DidleTail.rssEvery=S)
        // prints the resident set every S seconds on the way
        long rssEvery = Long.getLong("idleTail.rssEvery", 0);
        for (long done = 0; done < measured; ) {
            long step = rssEvery > 0 ? Math.min(rssEvery, measured - done) : measured - done;
            TimeUnit.SECONDS.sleep(step);
            done += step;
            if (rssEvery > 0) {
                System.out.printf("rss-sample %d s: rss %s KB, cpu %d ms%n", done, status("VmRSS"),
                        (os.getProcessCpuTime() - cpuBefore) / 1_000_000);
                System.out.flush();
            }
        }
        long cpuMillis = (os.getProcessCpuTime() - cpuBefore) / 1_000_000;
        long wallMillis = (System.nanoTime() - wallBefore) / 1_000_000;
        System.out.printf("idle-tail %s: cpu %d ms over %.1f s, rss %s KB, peak rss %s KB%n", args[1], cpuMillis,
                wallMillis / 1000.0, status("VmRSS"), status("VmHWM"));
        System.out.flush();
        Platform.exit();
        tasks.close();
        client.close();
        System.exit(0);
    }

    private static String status(String field) throws java.io.IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith(field + ":"))
                .map(l -> l.replaceAll("\\D+", "")).findFirst().orElse("?");
    }
}
