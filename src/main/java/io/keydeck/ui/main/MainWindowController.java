package io.keydeck.ui.main;

import io.keydeck.ui.common.ListRows;
import io.keydeck.ui.common.FxmlView;
import io.keydeck.ui.common.LayoutMemory;
import io.keydeck.ui.common.ViewLoader;
import io.keydeck.ui.preferences.PreferencesDialog;
import io.keydeck.ui.preferences.SavedPreferences;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import io.keydeck.settings.Theme;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.EnumMap;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;

/**
 * Wires the sidebar's views, the content area and the status bar to {@link MainWindowViewModel}; the
 * connection list and the banners are included views of their own ({@code ui.connections}).
 */
public final class MainWindowController {
    private static final double VIEW_ROW_HEIGHT = 36;

    private final MainWindowViewModel viewModel;
    private final StatusBarViewModel statusDetails;
    private final ThemeChoiceViewModel themeChoice;
    private final LayoutMemory layouts;
    private final ViewLoader views;
    private final SavedPreferences preferences;
    private final ResourceBundle messages;
    private final Map<FxmlView, Parent> loadedViews = new EnumMap<>(FxmlView.class);

    @FXML private ListView<FxmlView> viewList;
    @FXML private StackPane content;
    private DoneNotices doneNotices;
    @FXML private StatusBar statusBar;
    @FXML private Label connectionStatus;
    @FXML private Label refreshStatus;
    @FXML private Label rateLimitStatus;
    @FXML private MenuButton themeMenu;
    @FXML private RadioMenuItem themeSystem;
    @FXML private RadioMenuItem themeLight;
    @FXML private RadioMenuItem themeDark;

    public MainWindowController(MainWindowViewModel viewModel, StatusBarViewModel statusDetails,
                                ThemeChoiceViewModel themeChoice, LayoutMemory layouts, ViewLoader views,
                                SavedPreferences preferences, ResourceBundle messages) {
        this.preferences = preferences;
        this.messages = messages;
        this.layouts = layouts;
        this.viewModel = viewModel;
        this.statusDetails = statusDetails;
        this.themeChoice = themeChoice;
        this.views = views;
    }

    @FXML
    private void initialize() {
        doneNotices = new DoneNotices(content, messages);
        viewList.setItems(viewModel.views());
        viewList.setCellFactory(list -> row(view -> sidebarEntry(icon(view), viewModel.viewTitle(view), "")));
        ListRows.fit(viewList, VIEW_ROW_HEIGHT);
        viewList.getSelectionModel().select(viewModel.selectedViewProperty().get());
        viewList.getSelectionModel().selectedItemProperty().addListener((obs, old, view) -> {
            if (view != null) {
                viewModel.selectedViewProperty().set(view);
            }
        });
        viewModel.selectedViewProperty().addListener((obs, old, view) -> {
            viewList.getSelectionModel().select(view); // a jump from another view ("Open in Keys") moves the highlight
            show(view);
        });
        show(viewModel.selectedViewProperty().get());

        statusBar.textProperty().bind(viewModel.statusTextProperty());
        statusBar.progressProperty().bind(viewModel.statusProgressProperty());
        connectionStatus.textProperty().bind(statusDetails.connectionProperty());
        refreshStatus.textProperty().bind(statusDetails.refreshedProperty());
        rateLimitStatus.textProperty().bind(statusDetails.rateLimitProperty());
        statusDetails.onCompletion(this::notifyDone);
        bindThemeMenu();
    }

    private void bindThemeMenu() {
        ToggleGroup group = new ToggleGroup();
        Map<Theme, RadioMenuItem> items = Map.of(Theme.SYSTEM, themeSystem, Theme.LIGHT, themeLight,
                Theme.DARK, themeDark);
        items.forEach((theme, item) -> {
            item.setToggleGroup(group);
            item.setUserData(theme);
        });
        items.get(themeChoice.choiceProperty().get()).setSelected(true);
        group.selectedToggleProperty().addListener((obs, old, toggle) -> {
            if (toggle != null) {
                themeChoice.choiceProperty().set((Theme) toggle.getUserData());
            }
        });
        // a theme chosen in Preferences shows in the menu too
        themeChoice.choiceProperty().addListener((obs, old, theme) -> items.get(theme).setSelected(true));
    }

    @FXML
    private void openPreferences() {
        PreferencesDialog.open(content.getScene().getWindow(), preferences, themeChoice.choiceProperty(), messages);
    }

    private void notifyDone(String message) {
        if (content.getScene() != null && content.getScene().getWindow() != null
                && content.getScene().getWindow().isShowing()) {
            doneNotices.show(message);
        }
    }

    private void show(FxmlView view) {
        content.getChildren().setAll(loadedViews.computeIfAbsent(view, this::load), doneNotices.layer());
    }

    private Parent load(FxmlView view) {
        Parent root = views.load(view);
        layouts.adopt(view.name().toLowerCase(java.util.Locale.ROOT), root);
        return root;
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
