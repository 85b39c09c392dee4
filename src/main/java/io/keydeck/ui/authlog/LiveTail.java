package io.keydeck.ui.authlog;

import io.keydeck.ui.common.EveryFewSeconds;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

import java.time.Duration;

/** Polls for newer events every {@link #INTERVAL} while live tail is on and the window is on screen. */
final class LiveTail {
    static final Duration INTERVAL = Duration.ofSeconds(5);

    final BooleanProperty on = new SimpleBooleanProperty(false);
    final BooleanProperty windowShowing = new SimpleBooleanProperty(true);
    private final EveryFewSeconds timer;

    LiveTail(Runnable poll) {
        timer = new EveryFewSeconds(INTERVAL, poll);
        InvalidationListener tail = obs -> {
            if (on.get() && windowShowing.get()) {
                timer.start();
            } else {
                timer.stop();
            }
        };
        on.addListener(tail);
        windowShowing.addListener(tail);
    }

    boolean isPolling() {
        return timer.isRunning();
    }
}
