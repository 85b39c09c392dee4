package io.keydeck.ui.main;

import atlantafx.base.theme.Styles;
import javafx.animation.FadeTransition;
import javafx.animation.PauseTransition;
import javafx.animation.SequentialTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/**
 * The short notices a finished action leaves ("Key “ci” created"), in the bottom right corner of the content
 * area, newest at the bottom, each gone after a few seconds or at its close button. They are part of the
 * window, not pop-up windows placed by screen coordinates: those (ControlsFX's) were placed against the
 * window's outer frame and hung over its right edge and below the status bar on a real desktop.
 */
final class DoneNotices {
    private static final int MOST = 3;
    private static final Duration SHOWN = Duration.seconds(4);
    private static final Duration FADING = Duration.millis(300);

    private final VBox layer = new VBox(8);
    private final ResourceBundle messages;

    DoneNotices(StackPane content, ResourceBundle messages) {
        this.messages = messages;
        layer.getStyleClass().add("done-notices");
        layer.setAlignment(Pos.BOTTOM_RIGHT);
        layer.setPickOnBounds(false); // the view under the empty part of the layer takes its clicks
        layer.setPadding(new Insets(12));
        layer.setMaxWidth(440);
        layer.setMaxHeight(Region.USE_PREF_SIZE);
        StackPane.setAlignment(layer, Pos.BOTTOM_RIGHT);
        content.getChildren().add(layer);
    }

    /** The layer, to be kept on top of whichever view the content area shows. */
    javafx.scene.Node layer() {
        return layer;
    }

    void show(String message) {
        Label text = new Label(message, icon());
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button close = new Button(null, new FontIcon(Feather.X));
        close.getStyleClass().addAll(Styles.FLAT, "done-notice-close");
        close.setAccessibleText(MessageFormat.format(messages.getString("notice.dismiss"), message));
        HBox notice = new HBox(8, text, close);
        notice.getStyleClass().add("done-notice");
        notice.setAlignment(Pos.CENTER_LEFT);
        notice.setAccessibleText(message);
        close.setOnAction(e -> layer.getChildren().remove(notice));
        if (layer.getChildren().size() >= MOST) {
            layer.getChildren().remove(0);
        }
        layer.getChildren().add(notice);
        FadeTransition fade = new FadeTransition(FADING, notice);
        fade.setToValue(0);
        SequentialTransition life = new SequentialTransition(new PauseTransition(SHOWN), fade);
        life.setOnFinished(e -> layer.getChildren().remove(notice));
        notice.hoverProperty().addListener((obs, was, hovered) -> { // kept while the pointer rests on it
            if (hovered) {
                life.stop();
                notice.setOpacity(1);
            } else {
                life.playFromStart();
            }
        });
        life.play();
    }

    private static FontIcon icon() {
        FontIcon done = new FontIcon(Feather.CHECK_CIRCLE);
        done.getStyleClass().add("notification-icon");
        return done;
    }
}
