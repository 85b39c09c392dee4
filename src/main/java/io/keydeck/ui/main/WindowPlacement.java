package io.keydeck.ui.main;

import io.keydeck.settings.Preferences;
import io.keydeck.settings.WindowGeometry;
import io.keydeck.ui.common.FxmlView;
import io.keydeck.ui.common.LayoutMemory;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Reopens the main window where the user left it (size, position, maximized, last view, tables and
 * split panes) and records all of that when it closes.
 */
public final class WindowPlacement {
    private WindowPlacement() {
    }

    /** Puts {@code stage} at the saved place, unless that place is on no screen any more. */
    public static void restore(Stage stage, Preferences preferences) {
        preferences.window().filter(WindowPlacement::onSomeScreen).ifPresentOrElse(geometry -> {
            stage.setX(geometry.x());
            stage.setY(geometry.y());
            stage.setWidth(geometry.width());
            stage.setHeight(geometry.height());
            stage.setMaximized(geometry.maximized());
        }, () -> fitToScreen(stage));
    }

    /**
     * First start: the scene's preferred size, or more of a large screen (up to 85 % of it, at most
     * 1600x1000, so the keys table shows all its columns at 1920x1080), but never larger than the primary
     * screen's usable area.
     */
    private static void fitToScreen(Stage stage) {
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        javafx.scene.Parent root = stage.getScene() == null ? null : stage.getScene().getRoot();
        double width = Math.max(root == null ? 1280 : root.prefWidth(-1), Math.min(1600, 0.85 * screen.getWidth()));
        double height = Math.max(root == null ? 800 : root.prefHeight(width),
                Math.min(1000, 0.85 * screen.getHeight()));
        stage.setWidth(Math.min(Math.max(width, 900), screen.getWidth()));
        stage.setHeight(Math.min(Math.max(height, 560), screen.getHeight()));
        stage.setX(screen.getMinX() + (screen.getWidth() - stage.getWidth()) / 2);
        stage.setY(screen.getMinY() + (screen.getHeight() - stage.getHeight()) / 2);
    }

    /** The view shown last time, if it still exists. */
    public static Optional<FxmlView> lastView(Preferences preferences) {
        return Arrays.stream(FxmlView.values())
                .filter(view -> view != FxmlView.MAIN_WINDOW)
                .filter(view -> view.name().toLowerCase(Locale.ROOT).equals(preferences.lastView()))
                .findFirst();
    }

    /** What to save about {@code stage} as it closes, showing {@code view}. */
    public static UnaryOperator<Preferences> capture(Stage stage, FxmlView view) {
        WindowGeometry geometry = new WindowGeometry(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                stage.isMaximized());
        Optional<LayoutMemory> layouts = layouts(stage.getScene());
        return preferences -> {
            Preferences placed = preferences.withWindowGeometry(geometry)
                    .withLastView(view.name().toLowerCase(Locale.ROOT));
            return layouts.map(memory -> placed.withLayouts(memory.tableLayouts(), memory.dividerPositions()))
                    .orElse(placed);
        };
    }

    /** The layout memory {@link io.keydeck.ui.AppWindow} attached to the scene. */
    public static Optional<LayoutMemory> layouts(Scene scene) {
        return scene == null ? Optional.empty()
                : Optional.ofNullable((LayoutMemory) scene.getProperties().get(LayoutMemory.class));
    }

    private static boolean onSomeScreen(WindowGeometry geometry) {
        if (geometry.width() < 200 || geometry.height() < 150) {
            return false;
        }
        Rectangle2D window = new Rectangle2D(geometry.x(), geometry.y(), geometry.width(), geometry.height());
        return Screen.getScreens().stream().anyMatch(screen -> screen.getVisualBounds().intersects(window));
    }
}
