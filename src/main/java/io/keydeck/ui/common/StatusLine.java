package io.keydeck.ui.common;

import io.keydeck.model.VisibleText;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What the window's status bar says: any view may report here without knowing the window.
 * Progress follows {@link javafx.scene.control.ProgressIndicator}: 0 idle, -1 busy without a measure.
 */
public final class StatusLine {
    private final StringProperty text = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final List<Consumer<String>> completionListeners = new CopyOnWriteArrayList<>();

    public StringProperty textProperty() {
        return text;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    /** Shown as it is, except that control and bidi characters (a gateway's words may carry them) are escaped. */
    public void show(String message) {
        text.set(VisibleText.escape(message, 2000));
        progress.set(0);
    }

    public void busy(String message) {
        text.set(VisibleText.escape(message, 2000));
        progress.set(-1);
    }

    /** Reports an action the user asked for as done (a key created, a file written): also pops up a notice. */
    public void notify(String message) {
        show(message);
        String shown = text.get();
        completionListeners.forEach(listener -> listener.accept(shown));
    }

    /** Called with each {@link #notify(String)} message, on the thread that reported it (the FX thread). */
    public void onCompletion(Consumer<String> listener) {
        completionListeners.add(listener);
    }
}
