package io.keydeck.ui.usage;

import io.keydeck.ui.common.EveryFewSeconds;

import java.time.Duration;

/** Reloads the usage every so often while asked to: auto-refresh on, window showing, gateway has usage. */
final class UsageAutoRefresh {
    private final EveryFewSeconds timer;

    UsageAutoRefresh(Duration every, Runnable refresh) {
        timer = new EveryFewSeconds(every, refresh);
    }

    boolean isRunning() {
        return timer.isRunning();
    }

    /** Starts the timer when {@code run} and it is not running yet; stops it otherwise. */
    void runWhile(boolean run) {
        if (run) {
            timer.start();
        } else {
            timer.stop();
        }
    }
}
