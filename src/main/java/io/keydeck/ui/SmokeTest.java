package io.keydeck.ui;

import atlantafx.base.controls.Message;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * {@code --smoke-test}: starts the real window against the embedded sandbox, waits until the Keys
 * table shows the demo keys and reports how long that took from process start: to the first frame
 * (the window's outline), to the main window (sidebar lists and status bar drawn) and to the
 * populated table. Installers are
 * checked with it in CI, and the start-up benchmark times it, so both measure the shipped app
 * rather than a test harness.
 */
public final class SmokeTest {
    public static final String FLAG = "--smoke-test";
    /** Milliseconds to keep the window up after success, so CI can take a screenshot. */
    static final String HOLD_VARIABLE = "KEYDECK_SMOKE_HOLD_MS";
    static final String LAUNCHED_AT_VARIABLE = "KEYDECK_LAUNCHED_AT_MS";
    private static final long TIMEOUT_SECONDS = 60;
    private static final long EXIT_GRACE_SECONDS = 10;

    // Application.launch builds KeyDeckApp by reflection, so its start() reaches the watch here.
    private static final CompletableFuture<String> POPULATED = new CompletableFuture<>();
    private static final CompletableFuture<Void> RELEASED = new CompletableFuture<>();

    private final Instant processStart = launchedAt();
    private long firstFrameMillis = -1;
    private long mainWindowMillis = -1;

    private SmokeTest() {
    }

    public static boolean requested(String[] args) {
        return Arrays.asList(args).contains(FLAG);
    }

    static boolean requested(List<String> args) {
        return args.contains(FLAG);
    }

    /**
     * Runs the app until its Keys table is populated (or 60 s pass), hands the one-line result to
     * {@code passed} or {@code failed}, closes the window and returns the process exit code.
     */
    public static int run(String[] args, Consumer<String> passed, Consumer<String> failed) {
        Thread app = new Thread(() -> {
            try {
                KeyDeckApp.launchApp(args);
            } catch (RuntimeException e) {
                POPULATED.completeExceptionally(e);
            }
            POPULATED.completeExceptionally(new IllegalStateException("the window closed before the table was populated"));
        }, "smoke-test-app");
        app.start();
        int exitCode;
        try {
            passed.accept(POPULATED.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            exitCode = 0;
        } catch (TimeoutException e) {
            failed.accept("smoke-test failed: the Keys table was not populated within " + TIMEOUT_SECONDS + " s");
            exitCode = 2;
        } catch (ExecutionException e) {
            failed.accept("smoke-test failed: " + e.getCause().getMessage());
            exitCode = 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed.accept("smoke-test failed: interrupted");
            exitCode = 1;
        }
        if (exitCode == 0) {
            RELEASED.complete(null);
        } else {
            Platform.exit();
        }
        try {
            app.join(holdMillis() + TimeUnit.SECONDS.toMillis(EXIT_GRACE_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return exitCode;
    }

    /** Called by {@link KeyDeckApp#start} once the stage is showing. */
    static void watch(Stage stage) {
        new SmokeTest().observe(stage.getScene());
    }

    private void observe(Scene scene) {
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (firstFrameMillis < 0) {
                firstFrameMillis = elapsedMillis();
            }
            if (mainWindowMillis < 0 && scene.lookup(".sidebar-list") != null) {
                mainWindowMillis = elapsedMillis();
            }
            String failure = shownError(scene);
            if (failure != null) {
                scene.removePostLayoutPulseListener(listener[0]);
                POPULATED.completeExceptionally(new IllegalStateException(failure));
            } else if (populated(scene)) {
                scene.removePostLayoutPulseListener(listener[0]);
                succeed(scene, elapsedMillis());
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }

    private void succeed(Scene scene, long populatedMillis) {
        int keys = table(scene).getItems().size();
        String line = String.format("smoke-test ok: first frame %d ms, main window %d ms, table populated %d ms, %d keys",
                firstFrameMillis, mainWindowMillis, populatedMillis, keys);
        // Hold after reporting, so whoever waits for the line can take a screenshot meanwhile.
        RELEASED.thenRun(() -> Platform.runLater(() -> {
            PauseTransition hold = new PauseTransition(Duration.millis(holdMillis()));
            hold.setOnFinished(event -> Platform.exit());
            hold.play();
        }));
        POPULATED.complete(line);
    }

    private static boolean populated(Scene scene) {
        TableView<?> table = table(scene);
        if (table == null || table.getItems().isEmpty()) {
            return false;
        }
        // Rows arrive a pulse before their cells are drawn; count the table as shown once a key hint is.
        return table.lookupAll(".key-hint").stream()
                .filter(Labeled.class::isInstance)
                .map(node -> ((Labeled) node).getText())
                .anyMatch(text -> text != null && !text.isBlank());
    }

    private static String shownError(Scene scene) {
        Node banner = scene.lookup("#errorBanner");
        if (banner instanceof Message message && message.isVisible()) {
            return "the Keys view shows an error: " + message.getDescription();
        }
        return null;
    }

    private static TableView<?> table(Scene scene) {
        return scene.lookup(".keys-table") instanceof TableView<?> table ? table : null;
    }

    private long elapsedMillis() {
        return java.time.Duration.between(processStart, Instant.now()).toMillis();
    }

    private static long holdMillis() {
        try {
            return Math.max(0, Long.parseLong(System.getenv().getOrDefault(HOLD_VARIABLE, "0")));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * When this process was launched: {@value #LAUNCHED_AT_VARIABLE} (epoch milliseconds, set by the
     * start-up benchmark right before it starts the process) when present, because Linux reports a
     * process's start relative to a boot time rounded to whole seconds, which shifts every figure by
     * up to a second; otherwise the OS's start time.
     */
    public static Instant launchedAt() {
        String launched = System.getenv(LAUNCHED_AT_VARIABLE);
        if (launched != null && launched.matches("\\d{10,16}")) {
            return Instant.ofEpochMilli(Long.parseLong(launched));
        }
        return ProcessHandle.current().info().startInstant()
                .orElseThrow(() -> new IllegalStateException("the OS does not report when this process started"));
    }
}
