package io.keydeck.ui.usage;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;

import java.time.Duration;

/** Reloads the usage every so often while asked to: auto-refresh on, window showing, gateway has usage. */
final class UsageAutoRefresh {
    private final Timeline timer;

    UsageAutoRefresh(Duration every, Runnable refresh) {
        timer = new Timeline(new KeyFrame(javafx.util.Duration.millis(every.toMillis()), e -> refresh.run()));
        timer.setCycleCount(Timeline.INDEFINITE);
    }

    boolean isRunning() {
        return timer.getStatus() == Animation.Status.RUNNING;
    }

    /** Starts the timer when {@code run} and it is not running yet; stops it otherwise. */
    void runWhile(boolean run) {
        if (run && !isRunning()) {
            timer.play();
        } else if (!run) {
            timer.stop();
        }
    }
}
