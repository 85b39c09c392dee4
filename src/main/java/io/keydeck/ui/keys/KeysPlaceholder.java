package io.keydeck.ui.keys;

import io.keydeck.ui.common.EmptyState;
import javafx.beans.Observable;
import javafx.scene.control.TableView;
import org.kordamp.ikonli.feather.Feather;

import java.util.ResourceBundle;

/**
 * The keys table's empty state: no connection, still loading, loading failed, no keys at all, or none
 * matching the filters, each saying what to do next.
 */
final class KeysPlaceholder {
    private final KeysViewModel viewModel;
    private final ResourceBundle messages;
    private final EmptyState state = new EmptyState();

    private KeysPlaceholder(KeysViewModel viewModel, ResourceBundle messages) {
        this.viewModel = viewModel;
        this.messages = messages;
    }

    static void install(TableView<?> table, KeysViewModel viewModel, ResourceBundle messages) {
        KeysPlaceholder placeholder = new KeysPlaceholder(viewModel, messages);
        table.setPlaceholder(placeholder.state);
        Observable[] inputs = {viewModel.allKeys(), viewModel.loadingProperty(), viewModel.errorTextProperty(),
                viewModel.driverProperty()};
        for (Observable input : inputs) {
            input.addListener(change -> placeholder.update());
        }
        placeholder.update();
    }

    private void update() {
        if (viewModel.loadingProperty().get()) {
            show(Feather.LOADER, "keys.empty.loading");
        } else if (!viewModel.errorTextProperty().get().isEmpty()) {
            show(Feather.ALERT_TRIANGLE, "keys.empty.failed");
        } else if (viewModel.driverProperty().get() == null) {
            show(Feather.LINK, "keys.empty.noConnection");
        } else if (viewModel.allKeys().isEmpty()) {
            show(Feather.KEY, "keys.empty.none");
        } else {
            show(Feather.FILTER, "keys.empty.filtered");
        }
    }

    private void show(Feather icon, String key) {
        state.show(icon, messages.getString(key + ".title"), messages.getString(key + ".hint"));
    }
}
