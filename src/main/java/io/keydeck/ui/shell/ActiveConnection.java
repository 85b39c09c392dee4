package io.keydeck.ui.shell;

import io.keydeck.session.ConnectionSession;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** The connection the window is showing; views follow it and reload when it changes. */
public final class ActiveConnection {
    private final ObjectProperty<ConnectionSession> session = new SimpleObjectProperty<>();

    public ActiveConnection(ConnectionSession initial) {
        session.set(initial);
    }

    public ObjectProperty<ConnectionSession> sessionProperty() {
        return session;
    }

    public ConnectionSession session() {
        return session.get();
    }
}
