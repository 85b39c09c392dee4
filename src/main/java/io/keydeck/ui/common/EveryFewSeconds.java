package io.keydeck.ui.common;

import javafx.application.Platform;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs an action on the FX thread every so often while started, timed by a sleeping daemon thread. A
 * {@code Timeline} would do the same but, while it runs, keeps JavaFX's animation pulse going 60 times a
 * second between its ticks, which is most of what an idle window with live tail on spent its CPU on.
 * Start, stop and the action: FX thread only.
 */
public final class EveryFewSeconds {
    private final Duration every;
    private final Runnable action;
    private ScheduledExecutorService timer;

    public EveryFewSeconds(Duration every, Runnable action) {
        this.every = every;
        this.action = action;
    }

    public void start() {
        if (timer != null) {
            return;
        }
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "keydeck-every-" + every.toSeconds() + "s");
            t.setDaemon(true);
            return t;
        });
        timer = started;
        started.scheduleWithFixedDelay(() -> Platform.runLater(() -> {
            if (timer == started) {
                action.run();
            }
        }), every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    public boolean isRunning() {
        return timer != null;
    }
}
