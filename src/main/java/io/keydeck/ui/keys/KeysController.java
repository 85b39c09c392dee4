package io.keydeck.ui.keys;

import atlantafx.base.controls.Message;
import io.keydeck.model.ApiKey;
import io.keydeck.model.KeyEnvironment;
import io.keydeck.model.KeyStatus;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.controlsfx.control.MaskerPane;

import java.time.Instant;
import java.util.List;

/** Binds the Keys view to {@link KeysViewModel}; no logic of its own. */
public final class KeysController {
    private final KeysViewModel viewModel;

    @FXML private Label summaryLabel;
    @FXML private Button refreshButton;
    @FXML private Message errorBanner;
    @FXML private TableView<ApiKey> table;
    @FXML private TableColumn<ApiKey, String> nameColumn;
    @FXML private TableColumn<ApiKey, KeyEnvironment> environmentColumn;
    @FXML private TableColumn<ApiKey, String> hintColumn;
    @FXML private TableColumn<ApiKey, List<String>> scopesColumn;
    @FXML private TableColumn<ApiKey, Instant> createdColumn;
    @FXML private TableColumn<ApiKey, Instant> lastUsedColumn;
    @FXML private TableColumn<ApiKey, Instant> expiresColumn;
    @FXML private TableColumn<ApiKey, KeyStatus> statusColumn;
    @FXML private MaskerPane masker;
    @FXML private Button cancelButton;

    public KeysController(KeysViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        KeyTableCells cells = new KeyTableCells(viewModel);
        KeyTableCells.value(nameColumn, ApiKey::name);
        KeyTableCells.value(environmentColumn, ApiKey::environment);
        KeyTableCells.value(hintColumn, viewModel::hint);
        KeyTableCells.value(scopesColumn, ApiKey::scopes);
        KeyTableCells.value(createdColumn, ApiKey::createdAt);
        KeyTableCells.value(lastUsedColumn, ApiKey::lastUsedAt);
        KeyTableCells.value(expiresColumn, ApiKey::expiresAt);
        KeyTableCells.value(statusColumn, viewModel::status);
        cells.text(nameColumn, "key-name");
        cells.environment(environmentColumn);
        cells.text(hintColumn, "key-hint");
        cells.scopes(scopesColumn);
        cells.relativeTime(createdColumn);
        cells.relativeTime(lastUsedColumn);
        cells.expires(expiresColumn);
        cells.status(statusColumn);

        table.setItems(viewModel.keys());
        viewModel.keys().comparatorProperty().bind(table.comparatorProperty());

        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        masker.visibleProperty().bind(viewModel.loadingProperty());
        masker.textProperty().bind(viewModel.progressTextProperty());
        cancelButton.visibleProperty().bind(viewModel.loadingProperty());
        refreshButton.disableProperty().bind(viewModel.loadingProperty());
        errorBanner.descriptionProperty().bind(viewModel.errorTextProperty());
        errorBanner.visibleProperty().bind(Bindings.isNotEmpty(viewModel.errorTextProperty()));
        errorBanner.managedProperty().bind(errorBanner.visibleProperty());

        viewModel.refresh();
    }

    @FXML
    private void refresh() {
        viewModel.refresh();
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }
}
