package io.keydeck.ui.common;

import io.keydeck.gateway.WaitListener;
import io.keydeck.model.VisibleText;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.util.Duration;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/**
 * Shows each wait a gateway call takes before asking again (a {@code Retry-After}, back-off after a
 * 503) on the status line, counting down the seconds left, so a wait is never a silent freeze.
 */
public final class StatusLineWaits implements WaitListener {
    private final StatusLine status;
    private final ResourceBundle messages;
    private Timeline ticking;
    private String lastShown;

    public StatusLineWaits(StatusLine status, ResourceBundle messages) {
        this.status = status;
        this.messages = messages;
    }

    @Override
    public void waiting(java.time.Duration wait, String reason) {
        long until = System.nanoTime() + wait.toNanos();
        String shownReason = VisibleText.escape(reason, 300);
        Platform.runLater(() -> start(until, shownReason));
    }

    private void start(long until, String reason) {
        if (ticking != null) {
            ticking.stop();
        }
        lastShown = null;
        Timeline timeline = new Timeline();
        timeline.getKeyFrames().add(new KeyFrame(Duration.millis(250), e -> tick(timeline, until, reason)));
        timeline.setCycleCount(Animation.INDEFINITE);
        ticking = timeline;
        tick(timeline, until, reason);
        timeline.play();
    }

    /** Stops once the wait is over or another report took the status line. */
    private void tick(Timeline timeline, long until, String reason) {
        long left = (until - System.nanoTime() + 999_999_999L) / 1_000_000_000L;
        boolean taken = lastShown != null && !lastShown.equals(status.textProperty().get());
        if (left <= 0 || taken) {
            timeline.stop();
            lastShown = null;
            return;
        }
        lastShown = MessageFormat.format(messages.getString("status.waiting"), left, reason);
        status.busy(lastShown);
    }
}
