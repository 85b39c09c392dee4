package io.keydeck.ui.main;

import io.keydeck.ui.Navigation;
import io.keydeck.ui.common.FxmlView;
import io.keydeck.ui.common.StatusLine;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The window's frame: which views can be shown and what the status bar says (the connection list has
 * its own view model in {@code ui.connections}). Views themselves own their content.
 */
public final class MainWindowViewModel {
    private final StatusLine status;
    private final ResourceBundle messages;
    private final ObservableList<FxmlView> views = FXCollections.observableArrayList(FxmlView.KEYS);
    private final ObjectProperty<FxmlView> selectedView;

    public MainWindowViewModel(StatusLine status, ResourceBundle messages, Navigation navigation) {
        this.selectedView = navigation.viewProperty();
        this.status = status;
        this.messages = messages;
    }

    /** Only views that exist: no placeholders for features still to come. */
    public ObservableList<FxmlView> views() {
        return views;
    }

    public ObjectProperty<FxmlView> selectedViewProperty() {
        return selectedView;
    }

    public String viewTitle(FxmlView view) {
        return messages.getString("view." + view.name().toLowerCase(Locale.ROOT));
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return status.textProperty();
    }

    public ReadOnlyDoubleProperty statusProgressProperty() {
        return status.progressProperty();
    }
}
