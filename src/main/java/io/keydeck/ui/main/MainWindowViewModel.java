package io.keydeck.ui.main;

import io.keydeck.ui.shell.ActiveConnection;
import io.keydeck.session.ConnectionSession;
import io.keydeck.ui.shell.Navigation;
import io.keydeck.ui.common.FxmlView;
import io.keydeck.ui.common.StatusLine;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The window's frame: which connections exist and which is active, which views can be shown, and what
 * the status bar says. Views themselves own their content.
 */
public final class MainWindowViewModel {
    private final ActiveConnection active;
    private final StatusLine status;
    private final ResourceBundle messages;
    private final ObservableList<ConnectionSession> connections;
    private final ObservableList<FxmlView> views = FXCollections.observableArrayList(FxmlView.KEYS,
            FxmlView.USAGE, FxmlView.AUTH_LOG, FxmlView.REVIEW, FxmlView.JOURNAL);
    private final ObjectProperty<FxmlView> selectedView;
    /** What the status bar last said while each view was shown: a view's message never shows on another. */
    private final Map<FxmlView, String> lastMessage = new EnumMap<>(FxmlView.class);
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper("");

    public MainWindowViewModel(List<ConnectionSession> connections, ActiveConnection active, StatusLine status,
                               ResourceBundle messages, Navigation navigation) {
        this.selectedView = navigation.viewProperty();
        this.connections = FXCollections.observableArrayList(connections);
        this.active = active;
        this.status = status;
        this.messages = messages;
        statusText.set(status.textProperty().get());
        status.textProperty().addListener((obs, old, text) -> {
            lastMessage.put(selectedView.get(), text);
            statusText.set(text);
        });
        selectedView.addListener((obs, old, view) -> statusText.set(lastMessage.getOrDefault(view, "")));
    }

    public ObservableList<ConnectionSession> connections() {
        return connections;
    }

    /** The connection the views show; selecting another one makes them reload. */
    public ObjectProperty<ConnectionSession> activeConnectionProperty() {
        return active.sessionProperty();
    }

    /** Only views that exist: no placeholders for features still to come. */
    public ObservableList<FxmlView> views() {
        return views;
    }

    public ObjectProperty<FxmlView> selectedViewProperty() {
        return selectedView;
    }

    public String viewTitle(FxmlView view) {
        return viewTitle(messages, view);
    }

    /** A view's name as the sidebar shows it. */
    public static String viewTitle(ResourceBundle messages, FxmlView view) {
        return messages.getString("view." + view.name().toLowerCase(Locale.ROOT));
    }

    /** A line under a demo connection's name, so nobody mistakes its keys for real ones; else empty. */
    public String connectionCaption(ConnectionSession session) {
        return session.isDemo() ? messages.getString("connection.demo") : "";
    }

    /** The shown view's latest status message; empty for a view that has said nothing yet. */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty statusProgressProperty() {
        return status.progressProperty();
    }
}
