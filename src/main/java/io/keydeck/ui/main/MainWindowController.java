package io.keydeck.ui.main;

import io.keydeck.ui.ConnectionSession;
import io.keydeck.ui.common.FxmlView;
import io.keydeck.ui.common.ViewLoader;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/** Wires the sidebar, the content area and the status bar to {@link MainWindowViewModel}. */
public final class MainWindowController {
    private static final double ROW_HEIGHT = 36;

    private final MainWindowViewModel viewModel;
    private final ViewLoader views;
    private final Map<FxmlView, Parent> loadedViews = new EnumMap<>(FxmlView.class);

    @FXML private ListView<ConnectionSession> connectionList;
    @FXML private ListView<FxmlView> viewList;
    @FXML private StackPane content;
    @FXML private StatusBar statusBar;

    public MainWindowController(MainWindowViewModel viewModel, ViewLoader views) {
        this.viewModel = viewModel;
        this.views = views;
    }

    @FXML
    private void initialize() {
        connectionList.setItems(viewModel.connections());
        connectionList.setCellFactory(list -> row(session -> sidebarEntry(
                session.isDemo() ? Feather.BOX : Feather.SERVER, session.displayName(),
                viewModel.connectionBadge(session))));
        fitToRows(connectionList);
        connectionList.getSelectionModel().select(viewModel.activeConnectionProperty().get());
        connectionList.getSelectionModel().selectedItemProperty().addListener((obs, old, session) -> {
            if (session != null) {
                viewModel.activeConnectionProperty().set(session);
            }
        });

        viewList.setItems(viewModel.views());
        viewList.setCellFactory(list -> row(view -> sidebarEntry(Feather.KEY, viewModel.viewTitle(view), "")));
        fitToRows(viewList);
        viewList.getSelectionModel().select(viewModel.selectedViewProperty().get());
        viewList.getSelectionModel().selectedItemProperty().addListener((obs, old, view) -> {
            if (view != null) {
                viewModel.selectedViewProperty().set(view);
            }
        });
        viewModel.selectedViewProperty().addListener((obs, old, view) -> show(view));
        show(viewModel.selectedViewProperty().get());

        statusBar.textProperty().bind(viewModel.statusTextProperty());
        statusBar.progressProperty().bind(viewModel.statusProgressProperty());
    }

    private void show(FxmlView view) {
        content.getChildren().setAll(loadedViews.computeIfAbsent(view, views::load));
    }

    private static void fitToRows(ListView<?> list) {
        list.setFixedCellSize(ROW_HEIGHT);
        list.prefHeightProperty().bind(Bindings.size(list.getItems()).multiply(ROW_HEIGHT).add(2));
        list.minHeightProperty().bind(list.prefHeightProperty());
    }

    private static Node sidebarEntry(Ikon icon, String text, String badge) {
        Label label = new Label(text, new FontIcon(icon));
        label.getStyleClass().add("sidebar-entry");
        HBox entry = new HBox(8, label);
        HBox.setHgrow(label, Priority.ALWAYS);
        label.setMaxWidth(Double.MAX_VALUE);
        if (!badge.isEmpty()) {
            Label badgeLabel = new Label(badge);
            badgeLabel.getStyleClass().addAll("badge", "demo-badge");
            entry.getChildren().add(badgeLabel);
        }
        entry.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return entry;
    }

    private static <T> ListCell<T> row(Function<T, Node> graphic) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                setGraphic(empty || item == null ? null : graphic.apply(item));
            }
        };
    }
}
