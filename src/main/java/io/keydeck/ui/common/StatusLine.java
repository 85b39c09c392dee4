package io.keydeck.ui.common;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the window's status bar says: any view may report here without knowing the window.
 * Progress follows {@link javafx.scene.control.ProgressIndicator}: 0 idle, -1 busy without a measure.
 */
public final class StatusLine {
    private final StringProperty text = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);

    public StringProperty textProperty() {
        return text;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public void show(String message) {
        text.set(message);
        progress.set(0);
    }

    public void busy(String message) {
        text.set(message);
        progress.set(-1);
    }
}
