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

    /**
     * Sets up the FXML reader (its XML parser and the layout classes' property lookups) by reading a
     * small layout off the FX thread, which FXML allows for nodes outside a scene; the first real
     * view then loads without that cost. Only once the toolkit runs: a control made before that
     * breaks its class for good. Failures are left for the real load to report.
     */
    public static void prepare() {
        String layout = "<?import javafx.scene.layout.VBox?><?import javafx.scene.control.Label?>"
                + "<VBox xmlns=\"http://javafx.com/javafx\" spacing=\"6\"><Label text=\"KeyDeck\"/></VBox>";
        try {
            new FXMLLoader().load(new java.io.ByteArrayInputStream(layout.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(ViewLoader.class).debug("Preparing the FXML reader failed", e);
        }
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
