package io.keydeck.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** Placeholder window; the UI work replaces it. */
public class KeyDeckApp extends Application {
    public static void launchApp(String[] args) {
        Application.launch(KeyDeckApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("KeyDeck");
        stage.setScene(new Scene(new Label("KeyDeck"), 400, 200));
        stage.show();
    }
}
