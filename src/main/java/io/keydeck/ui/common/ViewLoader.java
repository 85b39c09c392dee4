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
     * Sets up the FXML reader (its XML parser and the layout panes' property lookups) by reading a
     * small layout of panes only, which is safe before the toolkit runs, so it can overlap the
     * toolkit's start: a control (a Label, say) made that early would break its class for good.
     * Failures are left for the real load to report.
     */
    public static void prepare() {
        String layout = "<?import javafx.scene.layout.VBox?><?import javafx.scene.layout.HBox?>"
                + "<?import javafx.scene.layout.StackPane?><VBox xmlns=\"http://javafx.com/javafx\" spacing=\"6\">"
                + "<HBox spacing=\"10\"/><StackPane VBox.vgrow=\"ALWAYS\"/></VBox>";
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
