package io.keydeck.ui.common;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ResourceBundle;

/** Loads an {@link FxmlView} with the app's messages and its controller factory, never anything else. */
public final class ViewLoader {
    private final ControllerFactory controllers;
    private final ResourceBundle messages;

    public ViewLoader(ControllerFactory controllers, ResourceBundle messages) {
        this.controllers = controllers;
        this.messages = messages;
    }

    public Parent load(FxmlView view) {
        URL url = FxmlView.class.getResource(view.resource());
        if (url == null) {
            throw new IllegalStateException("FXML not found: " + view.resource());
        }
        FXMLLoader loader = new FXMLLoader(url, messages);
        loader.setControllerFactory(controllers);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + view.resource(), e);
        }
    }
}
