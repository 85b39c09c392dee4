package io.keydeck.bench;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import java.time.Duration;
import java.time.Instant;

/**
 * The floor for start-up: a JavaFX window with one label, timed to its first frame from process
 * start exactly like {@code --smoke-test}, so scripts/startup-benchmark.sh can say how far KeyDeck's
 * start is above what any JavaFX app on the same runtime needs. Not an Application itself, so it
 * starts from the class path.
 */
public final class BareWindow {
    private BareWindow() {
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The one-label window; reports its first frame and closes. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            Instant processStart = io.keydeck.ui.SmokeTest.launchedAt();
            Scene scene = new Scene(new StackPane(new Label("KeyDeck")), 900, 560);
            Runnable[] firstPulse = new Runnable[1];
            firstPulse[0] = () -> {
                scene.removePostLayoutPulseListener(firstPulse[0]);
                System.out.printf("bare-window ok: first frame %d ms%n",
                        Duration.between(processStart, Instant.now()).toMillis());
                Platform.exit();
            };
            scene.addPostLayoutPulseListener(firstPulse[0]);
            stage.setScene(scene);
            stage.show();
        }
    }
}
