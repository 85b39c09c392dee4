package io.keydeck.ui.shell;

import io.keydeck.ui.common.FxmlView;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

import java.util.Objects;

/**
 * Where the window is and where a view asked to go: the shown view, and the key another view wants
 * opened in the Keys view (from a usage series, an auth-log row or a finding). One object, so every
 * view jumps to a key the same way.
 */
public final class Navigation {
    private final ObjectProperty<FxmlView> view = new SimpleObjectProperty<>(FxmlView.KEYS);
    private final ReadOnlyObjectWrapper<KeyFocus> keyFocus = new ReadOnlyObjectWrapper<>();

    /** A request to show one key; a new object each time so asking twice for the same key still fires. */
    public record KeyFocus(String keyId) {
        public KeyFocus {
            Objects.requireNonNull(keyId, "keyId");
        }
    }

    public ObjectProperty<FxmlView> viewProperty() {
        return view;
    }

    public void show(FxmlView target) {
        view.set(target);
    }

    /** Opens the Keys view with {@code keyId} selected (filters are relaxed so it is visible). */
    public void showKey(String keyId) {
        keyFocus.set(new KeyFocus(keyId));
        view.set(FxmlView.KEYS);
    }

    public ReadOnlyObjectProperty<KeyFocus> keyFocusProperty() {
        return keyFocus.getReadOnlyProperty();
    }
}
