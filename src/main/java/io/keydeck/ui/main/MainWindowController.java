package io.keydeck.ui.main;

import io.keydeck.ui.common.FxmlView;
import io.keydeck.ui.common.ViewLoader;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Wires the sidebar's views, the content area and the status bar to {@link MainWindowViewModel}; the
 * connection list and the banners are included views of their own ({@code ui.connections}).
 */
public final class MainWindowController {
    private static final double VIEW_ROW_HEIGHT = 36;

    private final MainWindowViewModel viewModel;
    private final ViewLoader views;
    private final Map<FxmlView, Parent> loadedViews = new EnumMap<>(FxmlView.class);

    @FXML private ListView<FxmlView> viewList;
    @FXML private StackPane content;
    @FXML private StatusBar statusBar;

    public MainWindowController(MainWindowViewModel viewModel, ViewLoader views) {
        this.viewModel = viewModel;
        this.views = views;
    }

    @FXML
    private void initialize() {
        viewList.setItems(viewModel.views());
        viewList.setCellFactory(list -> row(view -> sidebarEntry(icon(view), viewModel.viewTitle(view), "")));
        fitToRows(viewList, VIEW_ROW_HEIGHT);
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

    private static Ikon icon(FxmlView view) {
        return switch (view) {
            case USAGE -> Feather.BAR_CHART_2;
            case AUTH_LOG -> Feather.SHIELD;
            case REVIEW -> Feather.CHECK_SQUARE;
            case JOURNAL -> Feather.BOOK;
            default -> Feather.KEY;
        };
    }

    private static void fitToRows(ListView<?> list, double rowHeight) {
        list.setFixedCellSize(rowHeight);
        list.prefHeightProperty().bind(Bindings.size(list.getItems()).multiply(rowHeight).add(6));
        list.minHeightProperty().bind(list.prefHeightProperty());
    }

    private static Node sidebarEntry(Ikon icon, String text, String caption) {
        Label label = new Label(text, new FontIcon(icon));
        label.getStyleClass().add("sidebar-entry");
        if (caption.isEmpty()) {
            return label;
        }
        Label captionLabel = new Label(caption);
        captionLabel.getStyleClass().add("sidebar-caption");
        return new VBox(1, label, captionLabel);
    }

    private static <T> ListCell<T> row(Function<T, Node> graphic) {
        ListCell<T> cell = new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                setGraphic(empty || item == null ? null : graphic.apply(item));
            }
        };
        cell.setPrefWidth(0); // fit the sidebar's width instead of scrolling sideways
        return cell;
    }
}
