package io.keydeck.ui.review;

import io.keydeck.model.VisibleText;
import io.keydeck.review.Finding;
import io.keydeck.review.ReportFormat;
import io.keydeck.review.Severity;
import io.keydeck.ui.keys.RevokeKeysDialog;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.controlsfx.control.MaskerPane;

import java.io.File;
import java.util.ResourceBundle;

/** Binds the Review view to {@link ReviewViewModel}; asks before revoking and where to save a report. */
public final class ReviewController {
    private final ReviewViewModel viewModel;

    @FXML private ResourceBundle resources;
    @FXML private Label summaryLabel;
    @FXML private MenuButton exportButton;
    @FXML private Button runButton;
    @FXML private Button cancelButton;
    @FXML private ComboBox<ReviewViewModel.Scope> scopeBox;
    @FXML private ToggleGroup severityGroup;
    @FXML private FlowPane summaryCards;
    @FXML private TableView<Finding> table;
    @FXML private TableColumn<Finding, Severity> severityColumn;
    @FXML private TableColumn<Finding, String> connectionColumn;
    @FXML private TableColumn<Finding, Finding> keyColumn;
    @FXML private TableColumn<Finding, String> reasonColumn;
    @FXML private TableColumn<Finding, Finding> fixColumn;
    @FXML private MaskerPane masker;

    public ReviewController(ReviewViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        FindingCells cells = new FindingCells(viewModel, resources);
        FindingCells.value(severityColumn, Finding::severity);
        FindingCells.value(connectionColumn, Finding::connection);
        FindingCells.value(keyColumn, f -> f);
        FindingCells.value(reasonColumn, Finding::reason);
        FindingCells.value(fixColumn, f -> f);
        cells.severity(severityColumn);
        cells.text(connectionColumn);
        cells.key(keyColumn);
        cells.reason(reasonColumn);
        // wrapped reasons change height with the column; rows keep the height they were first laid out with
        reasonColumn.widthProperty().addListener((obs, old, width) -> table.refresh());
        cells.fix(fixColumn, this::revoke, viewModel::openKey);
        table.setItems(viewModel.findings());
        connectionColumn.visibleProperty().bind(viewModel.severalConnectionsProperty());
        table.setOnMouseClicked(e -> {
            Finding selected = table.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && selected != null) {
                viewModel.openKey(selected);
            }
        });

        scopeBox.setItems(viewModel.scopes());
        scopeBox.setCellFactory(list -> scopeCell());
        scopeBox.setButtonCell(scopeCell());
        scopeBox.valueProperty().bindBidirectional(viewModel.scopeProperty());
        io.keydeck.ui.common.PillChoice.bind(severityGroup, Severity::valueOf, viewModel.minimumSeverityProperty());

        String subtitle = summaryLabel.getText();
        summaryLabel.textProperty().bind(Bindings.createStringBinding(() -> viewModel.summaryProperty().get().isEmpty()
                ? subtitle : viewModel.summaryProperty().get(), viewModel.summaryProperty()));
        masker.visibleProperty().bind(viewModel.runningProperty().and(Bindings.isEmpty(viewModel.findings())));
        masker.textProperty().bind(viewModel.progressTextProperty());
        cancelButton.visibleProperty().bind(masker.visibleProperty());
        runButton.disableProperty().bind(viewModel.runningProperty());
        exportButton.disableProperty().bind(viewModel.canExportProperty().not().or(viewModel.runningProperty()));
        viewModel.summaries().addListener((ListChangeListener<ConnectionSummary>) change -> showCards());

        viewModel.run();
    }

    private ListCell<ReviewViewModel.Scope> scopeCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(ReviewViewModel.Scope item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : viewModel.scopeText(item));
            }
        };
    }

    private void showCards() {
        summaryCards.getChildren().clear();
        for (ConnectionSummary card : viewModel.summaries()) {
            Label name = new Label(card.connection());
            name.getStyleClass().add("card-title");
            VBox box = new VBox(4, name);
            box.getStyleClass().add("summary-card");
            if (card.problem().isEmpty()) {
                box.getChildren().add(new Label(viewModel.countsText(card)));
            } else {
                Label problem = new Label(java.text.MessageFormat.format(resources.getString("review.card.failed"),
                        VisibleText.escape(card.problem(), 2000)));
                problem.getStyleClass().add("card-problem");
                problem.setWrapText(true);
                box.getChildren().add(problem);
            }
            for (String note : card.notes()) {
                Label label = new Label(VisibleText.escape(note, 2000));
                label.setWrapText(true);
                label.getStyleClass().add("card-note");
                box.getChildren().add(label);
            }
            summaryCards.getChildren().add(box);
        }
    }

    private void revoke(Finding finding) {
        viewModel.revokeDialog(finding).ifPresent(dialog ->
                new RevokeKeysDialog(table.getScene().getWindow(), dialog, resources).showAndWait());
    }

    @FXML
    private void run() {
        viewModel.run();
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }

    @FXML
    private void exportHtml() {
        export(ReportFormat.HTML);
    }

    @FXML
    private void exportCsv() {
        export(ReportFormat.CSV);
    }

    @FXML
    private void exportJson() {
        export(ReportFormat.JSON);
    }

    private void export(ReportFormat format) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(resources.getString("review.export.title"));
        chooser.setInitialFileName(viewModel.suggestedFileName(format));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.name(), "*." + format.extension()));
        File file = chooser.showSaveDialog(table.getScene().getWindow());
        if (file != null) {
            viewModel.export(format, file.toPath());
        }
    }
}
