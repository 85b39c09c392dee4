package io.keydeck.bench;

import io.keydeck.gateway.AdminToken;
import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayDriver;
import io.keydeck.gateway.GatewayTarget;
import io.keydeck.model.ApiKey;
import io.keydeck.sandbox.SandboxGateway;
import io.keydeck.sandbox.SandboxOptions;
import io.keydeck.ui.AppServices;
import io.keydeck.ui.AppWindow;
import io.keydeck.session.ConnectionSession;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.Theme;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * How the Keys view copes with 100,000 keys: time to fetch them over HTTP from the sandbox through
 * the real driver into the view model and the table of a real (headless Monocle) stage, the filter
 * latency per keystroke in the search field, and the process's peak resident memory. Not a test:
 * run it and read the figures.
 *
 * <p>Arguments: a key count (default 100,000) and {@code --in-process} to run the sandbox in this
 * JVM as before; by default it runs in a child JVM so the RSS printed first is the app's own, started
 * cold with the app image's JVM options, as {@code KeyDeck sandbox --keys 100000} would run, so its JIT
 * compilation competes with the app on the same two cores. {@code --warm-sandbox} first has it serve
 * the listing a few times, like a gateway that has been running for a while ({@link WarmSandbox}). Add
 * the launcher's JVM options ({@code -XX:+UseSerialGC -XX:TieredStopAtLevel=1}, see jpackage.cfg) to
 * measure the app as it ships.
 */
public final class KeysBenchmark {
    private static final int DEFAULT_KEYS = 100_000;
    private static final String[] WORDS = {"billing", "chat:write", "support", "mrk_test", "zzz-none"};
    private static final int ROUNDS = 2;
    /** Full listings a {@code --warm-sandbox} serves before the clock starts: a gateway is a long-running server. */
    private static final int WARM_UP_PASSES = 3;

    private KeysBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        headlessUnlessDisplayed();
        List<String> options = Arrays.asList(args);
        boolean inProcess = options.contains("--in-process");
        int keys = options.stream().filter(a -> a.matches("\\d+")).findFirst().map(Integer::parseInt).orElse(DEFAULT_KEYS);
        long seedStart = System.nanoTime();
        int warmUp = options.contains("--warm-sandbox") ? WARM_UP_PASSES : 0;
        Sandbox sandbox = inProcess ? Sandbox.inProcess(keys) : Sandbox.child(keys, warmUp);
        System.out.printf("sandbox (%s) seeded with %,d keys%s in %d ms%n", inProcess ? "same JVM" : "child JVM", keys,
                warmUp == 0 || inProcess ? "" : " and warmed by " + warmUp + " full listings", millisSince(seedStart));
        GatewayClient client = GatewayDriver.byId("multiroute").orElseThrow()
                .connect(new GatewayTarget(sandbox.baseUrl(), AdminToken.of(sandbox.adminToken())));
        BackgroundTasks tasks = BackgroundTasks.pool(4);
        AppServices services = AppServices.of(tasks, List.of(ConnectionSession.of("bench", false, client)),
                Clock.systemDefaultZone());

        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);

        long loadStart = System.nanoTime();
        Stage stage = fx(() -> {
            Theme.LIGHT.apply();
            Stage window = new Stage();
            Scene scene = AppWindow.scene(services); // the Keys view starts loading here
            window.setScene(scene);
            window.setWidth(1240);
            window.setHeight(780);
            window.show();
            return window;
        });
        TableView<?> table = fx(() -> (TableView<?>) stage.getScene().lookup(".keys-table"));
        TextField search = fx(() -> (TextField) stage.getScene().lookup("#searchField"));
        fx(() -> {
            ((atlantafx.base.controls.ToggleSwitch) stage.getScene().lookup("#showRevokedSwitch")).setSelected(true);
            return null;
        });
        int total = keys;
        long shown = waitFor(() -> table.getItems().size() == total, 120);
        fx(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            return null;
        });
        long drawn = System.nanoTime();
        System.out.printf("load: %,d keys fetched over HTTP and in the table in %d ms (rows drawn after %d ms)%n",
                total, TimeUnit.NANOSECONDS.toMillis(shown - loadStart), TimeUnit.NANOSECONDS.toMillis(drawn - loadStart));

        List<Double> filterMs = new ArrayList<>();
        List<Double> withLayoutMs = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (String word : WORDS) {
                for (int i = 1; i <= word.length(); i++) {
                    keystroke(stage, search, word.substring(0, i), filterMs, withLayoutMs);
                }
                for (int i = word.length() - 1; i >= 0; i--) {
                    keystroke(stage, search, word.substring(0, i), filterMs, withLayoutMs);
                }
            }
        }
        System.out.printf("filter: %d keystrokes, FilteredList+SortedList update median %.1f ms, p95 %.1f ms, max %.1f ms%n",
                filterMs.size(), percentile(filterMs, 50), percentile(filterMs, 95), percentile(filterMs, 100));
        System.out.printf("filter incl. CSS+layout of the window: median %.1f ms, p95 %.1f ms%n",
                percentile(withLayoutMs, 50), percentile(withLayoutMs, 95));
        System.out.printf("peak RSS (VmHWM) of the app's JVM: %s%s%n", peakRss(Path.of("/proc/self/status")),
                inProcess ? " (sandbox included)" : "");
        if (!inProcess) {
            System.out.printf("peak RSS (VmHWM) of the sandbox's JVM: %s%n", sandbox.peakRss());
        }

        fx(() -> {
            stage.close();
            return null;
        });
        tasks.close();
        client.close();
        sandbox.close();
        Platform.exit();
        System.exit(0);
    }

    /** The sandbox in this JVM, or in a child JVM so that the app's own memory can be read apart. */
    private interface Sandbox extends AutoCloseable {
        java.net.URI baseUrl();

        char[] adminToken();

        String peakRss() throws Exception;

        @Override
        void close();

        static Sandbox inProcess(int keys) throws Exception {
            SandboxGateway gateway = SandboxGateway.start(SandboxOptions.defaults().withKeys(keys).withTraffic(false));
            return new Sandbox() {
                public java.net.URI baseUrl() {
                    return gateway.baseUrl();
                }

                public char[] adminToken() {
                    return gateway.adminToken().toCharArray();
                }

                public String peakRss() {
                    return "(same JVM)";
                }

                public void close() {
                    gateway.close();
                }
            };
        }

        static Sandbox child(int keys, int warmUpPasses) throws Exception {
            String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(javaBin, "-Xmx600m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    WarmSandbox.class.getName(), String.valueOf(keys), String.valueOf(warmUpPasses))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            java.io.BufferedReader out = new java.io.BufferedReader(
                    new java.io.InputStreamReader(process.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
            String baseUrl = null;
            char[] token = null;
            for (String line; (baseUrl == null || token == null) && (line = out.readLine()) != null; ) {
                if (line.strip().startsWith("Base URL:")) {
                    baseUrl = line.substring(line.indexOf(':') + 1).strip();
                } else if (line.strip().startsWith("Admin token:")) {
                    token = line.substring(line.indexOf(':') + 1).strip().toCharArray();
                }
            }
            if (baseUrl == null || token == null) {
                process.destroy();
                throw new IllegalStateException("the sandbox did not start");
            }
            String url = baseUrl;
            char[] adminToken = token;
            Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "sandbox-stdout");
            drain.setDaemon(true);
            drain.start();
            return new Sandbox() {
                public java.net.URI baseUrl() {
                    return java.net.URI.create(url);
                }

                public char[] adminToken() {
                    return adminToken.clone();
                }

                public String peakRss() throws Exception {
                    return KeysBenchmark.peakRss(Path.of("/proc", String.valueOf(process.pid()), "status"));
                }

                public void close() {
                    process.destroy();
                }
            };
        }
    }

    private static void keystroke(Stage stage, TextField search, String text, List<Double> filterMs,
                                  List<Double> withLayoutMs) throws Exception {
        double[] times = fx(() -> {
            long start = System.nanoTime();
            search.setText(text);
            long filtered = System.nanoTime();
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            long laidOut = System.nanoTime();
            return new double[] {(filtered - start) / 1e6, (laidOut - start) / 1e6};
        });
        filterMs.add(times[0]);
        withLayoutMs.add(times[1]);
    }

    private static void headlessUnlessDisplayed() {
        if (System.getProperty("glass.platform") == null && System.getenv("DISPLAY") == null) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("prism.text", "t2k");
        }
    }

    private static long waitFor(Callable<Boolean> condition, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (fx(condition)) {
                return System.nanoTime();
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("the table did not fill within " + seconds + " s");
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    private static double percentile(List<Double> values, int percent) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static String peakRss(Path status) throws Exception {
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmHWM"))
                .map(l -> l.substring(6).strip()).findFirst().orElse("unknown");
    }
}
