package io.keydeck.ui.authlog;

import io.keydeck.ui.common.SaveAsChooser;
import atlantafx.base.controls.Message;
import atlantafx.base.controls.ToggleSwitch;
import io.keydeck.authlog.HistogramBucket;
import io.keydeck.authlog.Offender;
import io.keydeck.authlog.Signal;
import io.keydeck.model.AuthEvent;
import io.keydeck.ui.authlog.AuthLogViewModel.TimeRange;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.MaskerPane;

import java.text.MessageFormat;
import java.time.ZoneId;
import java.util.ResourceBundle;

/** Binds the Auth log view to {@link AuthLogViewModel}; no logic of its own. */
public final class AuthLogController {
    private final AuthLogViewModel viewModel;
    private final SignalKeyActions keyActions;
    private final ResourceBundle messages;
    private final ZoneId zone;

    @FXML private VBox root;
    @FXML private Label summaryLabel;
    @FXML private LayoutBoundary summaryBox;
    @FXML private ToggleSwitch liveTailSwitch;
    @FXML private MenuButton exportButton;
    @FXML private ComboBox<TimeRange> timeRangeBox;
    @FXML private ComboBox<String> statusBox;
    @FXML private ComboBox<String> codeBox;
    @FXML private TextField keyField;
    @FXML private TextField ipField;
    @FXML private TextField searchField;
    @FXML private Message errorBanner;
    @FXML private StackPane histogramHolder;
    @FXML private HBox bucketBar;
    @FXML private Label bucketLabel;
    @FXML private TableView<AuthEvent> table;
    @FXML private TableColumn<AuthEvent, String> timeColumn;
    @FXML private TableColumn<AuthEvent, String> statusColumn;
    @FXML private TableColumn<AuthEvent, String> codeColumn;
    @FXML private TableColumn<AuthEvent, AuthEvent> keyColumn;
    @FXML private TableColumn<AuthEvent, String> ipColumn;
    @FXML private TableColumn<AuthEvent, String> userAgentColumn;
    @FXML private TableColumn<AuthEvent, String> requestColumn;
    @FXML private TableColumn<AuthEvent, String> requestIdColumn;
    @FXML private TableColumn<AuthEvent, String> messageColumn;
    @FXML private MaskerPane masker;
    @FXML private Button loadMoreButton;
    @FXML private ListView<Signal> signalList;
    @FXML private ListView<Offender> topKeyList;
    @FXML private ListView<Offender> topIpList;

    AuthLogController(AuthLogViewModel viewModel, SignalKeyActions keyActions, ResourceBundle messages, ZoneId zone) {
        this.viewModel = viewModel;
        this.keyActions = keyActions;
        this.messages = messages;
        this.zone = zone;
    }

    @FXML
    private void initialize() {
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        // each poll changes the counts in the summary; only words that outgrow its box lay out the header again
        summaryLabel.textProperty().addListener(o -> {
            if (summaryLabel.prefWidth(-1) > summaryBox.getWidth()) {
                summaryBox.requestLayout();
            }
        });
        liveTailSwitch.selectedProperty().bindBidirectional(viewModel.liveTailProperty());
        viewModel.windowShowingProperty().bind(Bindings.selectBoolean(root.sceneProperty(), "window", "showing"));
        AuthLogFilterBar.bind(viewModel, messages, timeRangeBox, statusBox, codeBox);
        keyField.textProperty().bindBidirectional(viewModel.keyFilterProperty());
        ipField.textProperty().bindBidirectional(viewModel.ipFilterProperty());
        searchField.textProperty().bindBidirectional(viewModel.searchProperty());

        errorBanner.descriptionProperty().bind(viewModel.errorTextProperty());
        errorBanner.visibleProperty().bind(viewModel.errorTextProperty().isNotEmpty());
        errorBanner.managedProperty().bind(errorBanner.visibleProperty());
        viewModel.retry().showUnder(errorBanner, "authlog");
        masker.visibleProperty().bind(viewModel.loadingProperty().and(Bindings.isEmpty(table.getItems())));
        loadMoreButton.visibleProperty().bind(viewModel.hasMoreProperty());
        loadMoreButton.disableProperty().bind(viewModel.loadingProperty());
        exportButton.disableProperty().bind(Bindings.isEmpty(viewModel.events()));

        EventHistogramChart chart = new EventHistogramChart(zone, viewModel.selectedBucketProperty()::set,
                messages.getString("authlog.partialBucket"));
        histogramHolder.getChildren().setAll(chart.node());
        Runnable redraw = () -> chart.show(viewModel.histogram(), viewModel.selectedBucketProperty().get(),
                viewModel.now());
        viewModel.histogram().addListener((ListChangeListener<HistogramBucket>) c -> redraw.run());
        viewModel.selectedBucketProperty().addListener((obs, old, bucket) -> showBucket(bucket));
        showBucket(null);

        bindTable();
        SideListCells cells = new SideListCells(viewModel, keyActions, messages);
        signalList.setItems(viewModel.signals());
        signalList.setCellFactory(list -> cells.signalCell());
        signalList.setPlaceholder(new Label(messages.getString("authlog.noSignals")));
        topKeyList.setItems(viewModel.topKeys());
        topKeyList.setCellFactory(list -> cells.offenderCell(false));
        topIpList.setItems(viewModel.topIps());
        topIpList.setCellFactory(list -> cells.offenderCell(true));
        viewModel.refresh();
    }

    private void bindTable() {
        table.setItems(viewModel.events());
        AuthEventCells.text(timeColumn, e -> viewModel.exactTime(e.occurredAt()));
        AuthEventCells.text(statusColumn, e -> String.valueOf(e.status()));
        AuthEventCells.text(codeColumn, AuthEvent::code);
        AuthEventCells.text(ipColumn, AuthEvent::clientIp);
        AuthEventCells.text(userAgentColumn, AuthEvent::userAgent);
        AuthEventCells.text(requestColumn, e -> (e.method() == null ? "" : e.method() + " ")
                + (e.path() == null ? "" : e.path()));
        AuthEventCells.text(requestIdColumn, AuthEvent::requestId);
        AuthEventCells.text(messageColumn, AuthEvent::message);
        new AuthEventCells(viewModel, messages).key(keyColumn);
        table.skinProperty().addListener((obs, old, skin) -> {
            if (table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
                flow.positionProperty().addListener((o, before, position) -> {
                    if (position.doubleValue() > 0.9) {
                        viewModel.loadMore();
                    }
                });
            }
        });
    }

    private void showBucket(HistogramBucket bucket) {
        bucketBar.setVisible(bucket != null);
        bucketBar.setManaged(bucket != null);
        if (bucket != null) {
            bucketLabel.setText(MessageFormat.format(messages.getString("authlog.bucketSelected"),
                    viewModel.exactTime(bucket.start()), viewModel.exactTime(bucket.end())));
        }
    }


    @FXML
    private void refresh() {
        viewModel.refresh();
    }

    @FXML
    private void loadMore() {
        viewModel.loadMore();
    }

    @FXML
    private void clearBucket() {
        viewModel.selectedBucketProperty().set(null);
    }

    @FXML
    private void exportCsv() {
        SaveAsChooser.ask(root, "auth-events.csv").ifPresent(viewModel::export);
    }

    @FXML
    private void exportJson() {
        SaveAsChooser.ask(root, "auth-events.json").ifPresent(viewModel::export);
    }
}
