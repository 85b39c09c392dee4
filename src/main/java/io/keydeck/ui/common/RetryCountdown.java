package io.keydeck.ui.common;

import io.keydeck.gateway.GatewayException;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.util.Duration;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/**
 * When a gateway asked to wait longer than the operation's deadline (rate limited, with Retry-After), a view
 * counts the wait down and asks again when it ends, unless the user retries at once or says not to. Shown
 * by {@link #bar}; empty text while nothing waits. FX thread only.
 */
public final class RetryCountdown {
    private final ResourceBundle messages;
    private final StatusLine status;
    private final String cancelledKey;
    private final Runnable retry;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final Timeline ticker = new Timeline();
    private long retryAt;

    /**
     * @param cancelledKey the bundle key of the status line's sentence when the user says not to retry
     * @param retry        asks the gateway again (the view's load)
     */
    public RetryCountdown(ResourceBundle messages, StatusLine status, String cancelledKey, Runnable retry) {
        this.messages = messages;
        this.status = status;
        this.cancelledKey = cancelledKey;
        this.retry = retry;
        ticker.getKeyFrames().add(new KeyFrame(Duration.millis(250), e -> tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
    }

    /** Counts down when {@code failure} is a rate limit that names its wait; otherwise stops any countdown. */
    public void after(Throwable failure) {
        if (failure instanceof GatewayException e && e.kind() == GatewayException.Kind.RATE_LIMITED
                && e.retryAfter().isPresent()) {
            retryAt = System.nanoTime() + e.retryAfter().get().toNanos();
            text.set(MessageFormat.format(messages.getString("retry.in"), e.retryAfter().get().toSeconds()));
            ticker.play();
        } else {
            stop();
        }
    }

    /** Stops counting without a word (a new load started, or the view's connection changed). */
    public void stop() {
        ticker.stop();
        text.set("");
    }

    /** The user asked now. */
    public void retryNow() {
        stop();
        retry.run();
    }

    /** The user said not to retry: nothing is asked until they load again. */
    public void cancel() {
        if (!text.get().isEmpty()) {
            stop();
            status.show(messages.getString(cancelledKey));
        }
    }

    /** "Trying again in N s."; empty while nothing waits. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** The countdown with Retry now and Don't retry, shown only while it counts; ids prefixed by {@code idPrefix}. */
    public HBox bar(String idPrefix) {
        Label label = new Label();
        label.setId(idPrefix + "RetryLabel");
        label.textProperty().bind(text);
        Button now = new Button(messages.getString("retry.now"));
        now.setId(idPrefix + "RetryNowButton");
        now.setOnAction(e -> retryNow());
        Button cancel = new Button(messages.getString("retry.dont"));
        cancel.setId(idPrefix + "CancelRetryButton");
        cancel.setOnAction(e -> cancel());
        HBox bar = new HBox(12, label, now, cancel);
        bar.setId(idPrefix + "RetryBar");
        bar.getStyleClass().add("retry-bar");
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.visibleProperty().bind(Bindings.isNotEmpty(text));
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    /** Puts {@link #bar} right under {@code banner} (the view's error banner), in the banner's own pane. */
    public void showUnder(javafx.scene.Node banner, String idPrefix) {
        javafx.scene.layout.Pane parent = (javafx.scene.layout.Pane) banner.getParent();
        parent.getChildren().add(parent.getChildren().indexOf(banner) + 1, bar(idPrefix));
    }

    private void tick() {
        long left = (retryAt - System.nanoTime() + 999_999_999L) / 1_000_000_000L;
        if (left <= 0) {
            stop();
            retry.run();
        } else {
            text.set(MessageFormat.format(messages.getString("retry.in"), left));
        }
    }
}
