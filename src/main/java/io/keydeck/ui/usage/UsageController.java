package io.keydeck.ui.usage;

import io.keydeck.ui.common.DisplayText;
import io.keydeck.ui.common.PillChoice;
import io.keydeck.ui.common.SaveAsChooser;
import atlantafx.base.controls.Message;
import atlantafx.base.controls.ToggleSwitch;
import io.keydeck.model.UsageBucket;
import io.keydeck.usage.ChartSeries;
import io.keydeck.usage.UsageMetric;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.control.MaskerPane;

import java.time.LocalDate;
import java.util.Locale;
import java.util.ResourceBundle;

/** Binds the Usage view to {@link UsageViewModel}; the chart itself is a {@link UsageChart}. */
public final class UsageController {
    private final UsageViewModel viewModel;
    private UsageChart chart;

    @FXML private ResourceBundle resources;
    @FXML private Label rangeLabel;
    @FXML private ToggleSwitch autoRefreshSwitch;
    @FXML private MenuButton exportButton;
    @FXML private Button refreshButton;
    @FXML private ToggleGroup presetGroup;
    @FXML private HBox customRange;
    @FXML private DatePicker fromPicker;
    @FXML private DatePicker toPicker;
    @FXML private ComboBox<UsageBucket> bucketBox;
    @FXML private ComboBox<UsageMetric> metricBox;
    @FXML private Spinner<Integer> topSpinner;
    @FXML private ToggleSwitch stackedSwitch;
    @FXML private HBox cardsBox;
    @FXML private Message errorBanner;
    @FXML private StackPane chartArea;
    @FXML private Label emptyLabel;
    @FXML private Message unsupportedBanner;
    @FXML private MaskerPane masker;
    @FXML private Label selectionLabel;
    @FXML private Button openKeyButton;

    public UsageController(UsageViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        chart = new UsageChart(viewModel::describePoint, viewModel::select, resources.getString("usage.partial"));
        chartArea.getChildren().add(0, chart.node());
        chart.node().setId("usageChart");

        selectPreset();
        PillChoice.bind(presetGroup, UsageViewModel.Preset::valueOf, viewModel.presetProperty());
        customRange.visibleProperty().bind(viewModel.presetProperty().isEqualTo(UsageViewModel.Preset.CUSTOM));
        customRange.managedProperty().bind(customRange.visibleProperty());
        fromPicker.valueProperty().bindBidirectional(viewModel.customFromProperty());
        toPicker.valueProperty().bindBidirectional(viewModel.customToProperty());
        bucketBox.getItems().setAll(UsageBucket.values());
        named(bucketBox, "usage.bucket.");
        bucketBox.valueProperty().bindBidirectional(viewModel.bucketProperty());
        metricBox.getItems().setAll(UsageMetric.values());
        named(metricBox, "usage.metric.");
        metricBox.valueProperty().bindBidirectional(viewModel.metricProperty());
        topSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 20,
                viewModel.topKeysProperty().get()));
        topSpinner.valueProperty().addListener((obs, old, top) -> viewModel.topKeysProperty().set(top));
        stackedSwitch.selectedProperty().bindBidirectional(viewModel.stackedProperty());
        stackedSwitch.disableProperty().bind(viewModel.metricProperty().isEqualTo(UsageMetric.ERROR_RATE));
        autoRefreshSwitch.selectedProperty().bindBidirectional(viewModel.autoRefreshProperty());

        rangeLabel.textProperty().bind(viewModel.rangeTextProperty());
        masker.visibleProperty().bind(viewModel.loadingProperty().and(Bindings.isEmpty(viewModel.series())));
        refreshButton.disableProperty().bind(viewModel.loadingProperty());
        errorBanner.descriptionProperty().bind(viewModel.errorTextProperty());
        showWhen(errorBanner, Bindings.isNotEmpty(viewModel.errorTextProperty()));
        viewModel.retry().showUnder(errorBanner, "usage");
        unsupportedBanner.descriptionProperty().bind(viewModel.unsupportedTextProperty());
        unsupportedBanner.visibleProperty().bind(Bindings.isNotEmpty(viewModel.unsupportedTextProperty()));
        chart.node().visibleProperty().bind(Bindings.isEmpty(viewModel.unsupportedTextProperty()));
        emptyLabel.textProperty().bind(viewModel.emptyTextProperty());
        emptyLabel.visibleProperty().bind(Bindings.isEmpty(viewModel.series())
                .and(Bindings.isEmpty(viewModel.unsupportedTextProperty())).and(viewModel.loadingProperty().not()));
        exportButton.disableProperty().bind(Bindings.isEmpty(viewModel.series()));
        cardsBox.visibleProperty().bind(Bindings.isNotEmpty(viewModel.cards()));
        cardsBox.managedProperty().bind(cardsBox.visibleProperty());
        openKeyButton.disableProperty().bind(Bindings.createBooleanBinding(() -> viewModel.selectedProperty().get() == null
                || viewModel.selectedProperty().get().isOthers(), viewModel.selectedProperty()));
        selectionLabel.textProperty().bind(Bindings.createStringBinding(() -> viewModel.selectedProperty().get() == null
                ? resources.getString("usage.hoverHint") : viewModel.selectedProperty().get().name(),
                viewModel.selectedProperty()));

        viewModel.series().addListener((ListChangeListener<ChartSeries>) change -> redraw());
        viewModel.stackedProperty().addListener((obs, old, now) -> redraw());
        viewModel.selectedProperty().addListener((obs, old, now) -> chart.highlight(now));
        viewModel.cards().addListener((ListChangeListener<SummaryCard>) change -> showCards());
        chartArea.sceneProperty().addListener((obs, old, scene) -> followWindow(scene == null ? null : scene.getWindow()));
        viewModel.refresh();
    }

    private void redraw() {
        chart.show(viewModel.series(), viewModel.shownRangeProperty().get(),
                viewModel.stackedProperty().get() && viewModel.metricProperty().get().isAdditive(),
                viewModel.selectedProperty().get(), viewModel.partialFromProperty().get());
    }

    private void showCards() {
        cardsBox.getChildren().clear();
        for (SummaryCard card : viewModel.cards()) {
            Label title = new Label(card.title());
            title.getStyleClass().add("usage-card-title");
            Label value = new Label(card.value());
            value.getStyleClass().add("usage-card-value");
            Label change = new Label(card.change());
            change.getStyleClass().addAll("usage-card-change", "trend-" + card.trend().name().toLowerCase(Locale.ROOT));
            change.setTooltip(new Tooltip(resources.getString("usage.change.tooltip")));
            VBox box = new VBox(2, title, value, change);
            box.getStyleClass().add("usage-card");
            HBox.setHgrow(box, Priority.ALWAYS);
            box.setPrefWidth(0); // equal shares, so a long "change" line cannot squeeze another card's value
            box.setMaxWidth(Double.MAX_VALUE);
            cardsBox.getChildren().add(box);
        }
    }

    /** Auto-refresh pauses while the window is hidden or iconified. */
    private void followWindow(Window window) {
        if (window == null) {
            return;
        }
        ChangeListener<Boolean> update = (obs, old, now) -> viewModel.windowShowingProperty().set(
                window.isShowing() && !(window instanceof Stage stage && stage.isIconified()));
        window.showingProperty().addListener(update);
        if (window instanceof Stage stage) {
            stage.iconifiedProperty().addListener(update);
        }
        update.changed(null, null, null);
    }

    private void selectPreset() {
        for (Toggle toggle : presetGroup.getToggles()) {
            toggle.setSelected(viewModel.presetProperty().get().name().equals(toggle.getUserData()));
        }
    }

    /** Shows an enum choice by its message {@code prefix + name}. */
    private <T extends Enum<T>> void named(ComboBox<T> box, String prefix) {
        box.setConverter(DisplayText.of(item -> resources.getString(prefix + item.name().toLowerCase(Locale.ROOT))));
    }

    private static void showWhen(javafx.scene.Node node, javafx.beans.binding.BooleanBinding condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    @FXML
    private void refresh() {
        viewModel.refresh();
    }

    @FXML
    private void openKey() {
        viewModel.openSelectedKey();
    }

    @FXML
    private void exportPng() {
        SaveAsChooser.ask(chartArea, "usage-" + LocalDate.now() + ".png")
                .ifPresent(target -> viewModel.exportPng(ChartSnapshot.of(chart.visibleChart()), target));
    }

    @FXML
    private void exportCsv() {
        SaveAsChooser.ask(chartArea, "usage-" + LocalDate.now() + ".csv").ifPresent(viewModel::exportCsv);
    }
}
