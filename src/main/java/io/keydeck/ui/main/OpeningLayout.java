package io.keydeck.ui.main;

import javafx.geometry.Pos;
import io.keydeck.ui.common.FirstFrame;
import io.keydeck.ui.common.FxmlView;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.function.Supplier;

/**
 * What the app's window shows in its first frame, while the main window (MainWindow.fxml, its sidebar
 * lists, status bar and first view) is being built: the same outline in the same places and
 * colours — sidebar column with the brand, status bar strip — and "Opening Keys…" where the view
 * will be. The window so appears about as soon as a bare JavaFX window would, and then fills in
 * without anything moving. Built in code because reading and wiring FXML is the slow part it stands in for.
 */
public final class OpeningLayout {
    private OpeningLayout() {
    }

    /** {@code appTitle} beside the brand icon; {@code opening} (e.g. "Opening Keys…") in the content area. */
    public static Parent create(String appTitle, String opening) {
        Label name = new Label(appTitle);
        name.getStyleClass().add("brand-name");
        name.setMinWidth(Region.USE_PREF_SIZE);
        FontIcon icon = new FontIcon(Feather.KEY);
        icon.getStyleClass().add("brand-icon");
        // the theme menu's place, kept but not drawn, so the brand row is exactly as tall as it will be
        MenuButton themeMenuPlace = new MenuButton(null, new FontIcon(Feather.MOON));
        themeMenuPlace.getStyleClass().addAll("flat", "sidebar-tool", "theme-menu");
        themeMenuPlace.setVisible(false);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox brand = new HBox(10, icon, name, gap, themeMenuPlace);
        brand.setAlignment(Pos.CENTER_LEFT);
        brand.getStyleClass().add("brand");
        VBox sidebar = new VBox(brand);
        sidebar.getStyleClass().add("sidebar");

        Label openingLabel = new Label(opening);
        openingLabel.getStyleClass().add("opening-view");
        StackPane content = new StackPane(openingLabel);
        content.getStyleClass().add("content");

        // the status bar's strip; app.css gives it the status bar's height, as it gives the sidebar its width
        Region statusStrip = new Region();
        statusStrip.getStyleClass().add("app-status-bar");

        BorderPane window = new BorderPane(content, null, null, statusStrip, sidebar);
        window.getStyleClass().addAll("main-window", "opening-window");
        window.setPrefSize(1240, 780);
        return window;
    }

    /**
     * A scene whose first frame shows the window's outline; {@code main} (the main window with its first
     * view, {@code first}) replaces it right after that frame.
     */
    public static Scene thenMain(ResourceBundle messages, FxmlView first, Supplier<Parent> main) {
        Parent outline = create(messages.getString("app.title"), MessageFormat.format(
                messages.getString("window.opening"), MainWindowViewModel.viewTitle(messages, first)));
        Scene scene = new Scene(outline);
        FirstFrame.then(outline, () -> scene.setRoot(main.get()));
        return scene;
    }
}
