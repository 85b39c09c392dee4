package io.keydeck.ui.authlog;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

import java.time.Duration;

/** Polls for newer events every {@link #INTERVAL} while live tail is on and the window is on screen. */
final class LiveTail {
    static final Duration INTERVAL = Duration.ofSeconds(5);

    final BooleanProperty on = new SimpleBooleanProperty(false);
    final BooleanProperty windowShowing = new SimpleBooleanProperty(true);
    private final Timeline timer;

    LiveTail(Runnable poll) {
        timer = new Timeline(new KeyFrame(javafx.util.Duration.millis(INTERVAL.toMillis()), e -> poll.run()));
        timer.setCycleCount(Timeline.INDEFINITE);
        InvalidationListener tail = obs -> {
            if (on.get() && windowShowing.get()) {
                timer.play();
            } else {
                timer.stop();
            }
        };
        on.addListener(tail);
        windowShowing.addListener(tail);
    }

    boolean isPolling() {
        return timer.getStatus() == Animation.Status.RUNNING;
    }
}
