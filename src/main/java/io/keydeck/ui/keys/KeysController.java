package io.keydeck.ui.keys;

import atlantafx.base.controls.Message;
import atlantafx.base.controls.ToggleSwitch;
import io.keydeck.model.ApiKey;
import io.keydeck.model.KeyEnvironment;
import io.keydeck.model.KeyStatus;
import io.keydeck.ui.common.PillChoice;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.MaskerPane;
import org.controlsfx.control.textfield.CustomTextField;
import org.controlsfx.control.textfield.TextFields;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.Instant;
import java.util.List;
import java.util.ResourceBundle;

/** Binds the Keys view to {@link KeysViewModel}; no logic of its own. */
public final class KeysController {
    private static final int DETAIL_COLUMNS = 3;

    private final KeysViewModel viewModel;
    private final UsageSparklineColumn sparklines;
    private final KeyActions actions;

    @FXML private ResourceBundle resources;
    @FXML private Label summaryLabel;
    @FXML private Button refreshButton;
    @FXML private FlowPane filterBar;
    @FXML private HBox toolbar;
    @FXML private VBox root;
    @FXML private ToggleGroup environmentGroup;
    @FXML private ToggleGroup statusGroup;
    @FXML private ToggleSwitch showRevokedSwitch;
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
    @FXML private VBox detailsPane;
    @FXML private GridPane detailsGrid;

    public KeysController(KeysViewModel viewModel, KeyActions actions) {
        this(viewModel, actions, null);
    }

    /** With a "Last 7 days" usage column when {@code sparklines} is not null. */
    public KeysController(KeysViewModel viewModel, KeyActions actions, UsageSparklineColumn sparklines) {
        this.viewModel = viewModel;
        this.actions = actions;
        this.sparklines = sparklines;
    }

    @FXML
    private void initialize() {
        KeyAccountColumns account = setUpColumns();
        NameFirstColumnResize.install(table);
        new DriverAttributeColumns().install(table, viewModel.driverProperty());
        table.setItems(viewModel.keys());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<ApiKey>) change ->
                viewModel.selectedKeys().setAll(table.getSelectionModel().getSelectedItems()));
        viewModel.keys().comparatorProperty().bind(table.comparatorProperty());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, key) -> viewModel.selectedProperty().set(key));
        viewModel.selectedProperty().addListener((obs, old, key) -> {
            if (key != null && key != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().clearSelection();
                table.getSelectionModel().select(key);
                table.scrollTo(key);
            }
        });

        CustomTextField search = (CustomTextField) TextFields.createClearableTextField();
        search.setId("searchField");
        search.setLeft(new FontIcon(Feather.SEARCH));
        search.setPromptText(resources.getString("keys.search"));
        search.setPrefWidth(280);
        search.textProperty().bindBidirectional(viewModel.searchProperty());
        filterBar.getChildren().add(0, search);
        filterBar.getChildren().addAll(AccountFilterBar.controls(viewModel, resources, account.ownersShown(),
                account.moneyShown()));
        KeyCommands commands = new KeyCommands(viewModel, actions, resources, table);
        commands.fillToolbar(toolbar);
        commands.installContextMenu();
        commands.installShortcuts(root, search);
        PillChoice.bind(environmentGroup, KeyEnvironment::valueOf, viewModel.environmentFilterProperty());
        PillChoice.bind(statusGroup, KeyStatus::valueOf, viewModel.statusFilterProperty());
        showRevokedSwitch.selectedProperty().bindBidirectional(viewModel.showRevokedProperty());

        KeysPlaceholder.install(table, viewModel, resources);
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        masker.visibleProperty().bind(viewModel.loadingProperty());
        masker.textProperty().bind(viewModel.progressTextProperty());
        cancelButton.visibleProperty().bind(viewModel.loadingProperty());
        refreshButton.disableProperty().bind(viewModel.loadingProperty());
        errorBanner.descriptionProperty().bind(viewModel.errorTextProperty());
        errorBanner.visibleProperty().bind(Bindings.isNotEmpty(viewModel.errorTextProperty()));
        errorBanner.managedProperty().bind(errorBanner.visibleProperty());
        viewModel.retry().showUnder(errorBanner, "keys");
        detailsPane.visibleProperty().bind(viewModel.selectedProperty().isNotNull());
        detailsPane.managedProperty().bind(detailsPane.visibleProperty());
        viewModel.details().addListener((ListChangeListener<KeyDetail>) change -> showDetails());

        viewModel.loadUnlessStarted();
        if (sparklines != null) { // after the load started: a load already running or done is not asked twice
            sparklines.install(table, viewModel.loadingProperty());
        }
    }

    private KeyAccountColumns setUpColumns() {
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
        cells.lastUsed(lastUsedColumn);
        cells.expires(expiresColumn);
        cells.status(statusColumn);
        KeyAccountColumns account = new KeyAccountColumns(resources, cells);
        account.install(table, viewModel.keys());
        return account;
    }

    private void showDetails() {
        detailsGrid.getChildren().clear();
        List<KeyDetail> details = viewModel.details();
        for (int i = 0; i < details.size(); i++) {
            KeyDetail detail = details.get(i);
            Label label = new Label(detail.label());
            label.setMinWidth(Region.USE_PREF_SIZE);
            label.getStyleClass().add("detail-label");
            Label value = new Label(detail.value());
            value.setTooltip(new Tooltip(detail.value()));
            value.setWrapText(true); // the whole value, however long: table cells show only a bounded prefix
            value.getStyleClass().add(detail.monospace() ? "detail-value-mono" : "detail-value");
            int column = (i % DETAIL_COLUMNS) * 2;
            detailsGrid.add(label, column, i / DETAIL_COLUMNS);
            detailsGrid.add(value, column + 1, i / DETAIL_COLUMNS);
        }
    }

    @FXML
    private void refresh() {
        viewModel.refresh();
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }


    @FXML
    private void copyKeyId() {
        actions.copyId(viewModel.selectedProperty().get());
    }
}
