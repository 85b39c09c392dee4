package io.keydeck.ui.journal;

import io.keydeck.ui.common.DisplayText;
import atlantafx.base.controls.Message;
import io.keydeck.journal.JournalAction;
import io.keydeck.journal.JournalEntry;
import io.keydeck.ui.journal.JournalViewModel.ResultFilter;
import io.keydeck.ui.journal.JournalViewModel.Verdict;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.controlsfx.control.MaskerPane;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Locale;
import java.util.ResourceBundle;

/** Binds the Journal view to {@link JournalViewModel}; no logic of its own. */
public final class JournalController {
    private static final String ANY = "";

    private final JournalViewModel viewModel;
    private final ResourceBundle messages;

    @FXML private Label summaryLabel;
    @FXML private Button verifyButton;
    @FXML private ComboBox<String> actionBox;
    @FXML private ComboBox<String> connectionBox;
    @FXML private ComboBox<ResultFilter> resultBox;
    @FXML private TextField searchField;
    @FXML private Message verdictBanner;
    @FXML private FontIcon verdictIcon;
    @FXML private Message errorBanner;
    @FXML private TableView<JournalEntry> table;
    @FXML private TableColumn<JournalEntry, String> timeColumn;
    @FXML private TableColumn<JournalEntry, String> userColumn;
    @FXML private TableColumn<JournalEntry, String> connectionColumn;
    @FXML private TableColumn<JournalEntry, String> actionColumn;
    @FXML private TableColumn<JournalEntry, String> nameColumn;
    @FXML private TableColumn<JournalEntry, JournalEntry> hintColumn;
    @FXML private TableColumn<JournalEntry, JournalEntry> resultColumn;
    @FXML private TableColumn<JournalEntry, String> requestIdColumn;
    @FXML private MaskerPane masker;

    public JournalController(JournalViewModel viewModel, ResourceBundle messages) {
        this.viewModel = viewModel;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        verifyButton.disableProperty().bind(viewModel.verifyingProperty());
        errorBanner.descriptionProperty().bind(viewModel.errorTextProperty());
        errorBanner.visibleProperty().bind(viewModel.errorTextProperty().isNotEmpty());
        errorBanner.managedProperty().bind(errorBanner.visibleProperty());
        verdictBanner.visibleProperty().bind(viewModel.verdictProperty().isNotNull());
        verdictBanner.managedProperty().bind(verdictBanner.visibleProperty());
        viewModel.verdictProperty().addListener((obs, old, verdict) -> showVerdict(verdict));
        masker.visibleProperty().bind(viewModel.loadingProperty().and(Bindings.isEmpty(table.getItems())));
        bindFilters();
        bindTable();
        viewModel.activeConnectionProperty().addListener((obs, old, now) -> table.refresh());
        // the command line appends too: read the file again whenever the view is shown
        table.sceneProperty().addListener((obs, old, scene) -> {
            if (old == null && scene != null) {
                viewModel.refresh();
            }
        });
        viewModel.refresh();
    }

    private void bindFilters() {
        actionBox.getItems().add(ANY);
        for (JournalAction action : JournalAction.values()) {
            actionBox.getItems().add(action.wireName());
        }
        actionBox.setConverter(DisplayText.of(a -> a.isEmpty() ? messages.getString("journal.anyAction") : a));
        actionBox.setValue(ANY);
        actionBox.valueProperty().addListener((obs, old, value) -> viewModel.actionFilterProperty().set(
                value == null || value.isEmpty() ? null : JournalAction.fromWire(value)));

        connectionBox.getItems().add(ANY);
        connectionBox.getItems().addAll(viewModel.connections());
        viewModel.connections().addListener((ListChangeListener<String>) c -> viewModel.connections().stream()
                .filter(name -> !connectionBox.getItems().contains(name)).forEach(connectionBox.getItems()::add));
        connectionBox.setConverter(DisplayText.of(c -> c.isEmpty() ? messages.getString("journal.anyConnection") : c));
        connectionBox.setValue(ANY);
        connectionBox.valueProperty().addListener((obs, old, value) -> viewModel.connectionFilterProperty().set(
                value == null || value.isEmpty() ? null : value));

        resultBox.getItems().setAll(ResultFilter.values());
        resultBox.setConverter(DisplayText.of(r -> messages.getString("journal.result." + r.name().toLowerCase(Locale.ROOT))));
        resultBox.valueProperty().bindBidirectional(viewModel.resultFilterProperty());
        searchField.textProperty().bindBidirectional(viewModel.searchProperty());
    }

    private void bindTable() {
        SortedList<JournalEntry> sorted = new SortedList<>(viewModel.entries());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        JournalCells.text(timeColumn, viewModel::time);
        JournalCells.text(userColumn, JournalEntry::user);
        JournalCells.text(connectionColumn, JournalEntry::connection);
        JournalCells.text(actionColumn, e -> e.action().wireName());
        JournalCells.text(nameColumn, JournalEntry::keyName);
        JournalCells.text(requestIdColumn, e -> e.requestId() == null ? "" : e.requestId());
        JournalCells cells = new JournalCells(viewModel, messages);
        cells.key(hintColumn);
        cells.result(resultColumn);
        table.setRowFactory(t -> {
            TableRow<JournalEntry> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.open(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                viewModel.open(table.getSelectionModel().getSelectedItem());
            }
        });
    }

    private void showVerdict(Verdict verdict) {
        verdictBanner.getStyleClass().removeAll("success", "danger");
        if (verdict == null) {
            return;
        }
        verdictBanner.getStyleClass().add(verdict.intact() ? "success" : "danger");
        verdictBanner.setDescription(verdict.text());
        verdictIcon.setIconCode(verdict.intact() ? Feather.CHECK_CIRCLE : Feather.ALERT_OCTAGON);
    }


    @FXML
    private void refresh() {
        viewModel.refresh();
    }

    @FXML
    private void verify() {
        viewModel.verify();
    }
}
