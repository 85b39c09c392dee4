package io.keydeck.ui.common;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import javafx.util.Duration;

/**
 * Keeps each window at the size and place JavaFX gave it when it was shown. On Linux, JavaFX 21's GTK
 * glass (JDK-8316423, fixed in JavaFX 22) lets window managers such as openbox answer a new window's
 * first configure with GTK's 200×200 default: the main window then opened at its minimum size and every
 * dialog, the first time, as 200×200 at the top-left with its labels cut to "…". Within a short settling
 * time after a window is shown, a size or place the app did not ask for is put back once more.
 */
public final class ShownWindowSize {
    private static final Duration SETTLING = Duration.seconds(2);
    /** More between a window's outer size and its scene's than any window frame: the scene is out of date. */
    private static final double MAX_FRAME = 100;

    private static final String SETTLED = ShownWindowSize.class.getName() + ".settled";

    private ShownWindowSize() {
    }

    /** Whether the window was shown and the time in which its size is kept has passed since. */
    public static boolean hasSettled(Window window) {
        return Boolean.TRUE.equals(window.getProperties().get(SETTLED));
    }

    /** From now on, every window the app shows (main window, dialogs, alerts) keeps its shown size. */
    public static void keepForEveryWindow() {
        Window.getWindows().forEach(ShownWindowSize::keep);
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(ShownWindowSize::keep);
            }
        });
    }

    private static void keep(Window window) {
        if (window.getProperties().putIfAbsent(ShownWindowSize.class, Boolean.TRUE) != null) {
            return;
        }
        window.addEventHandler(WindowEvent.WINDOW_SHOWN, shown -> {
            window.getProperties().put(SETTLED, Boolean.FALSE);
            double widthBefore = window.getWidth();
            double heightBefore = window.getHeight();
            growToPreferredSize(window);
            double x = window.getX();
            double y = window.getY();
            double width = window.getWidth();
            double height = window.getHeight();
            if (Double.isNaN(width) || Double.isNaN(height) || maximized(window)) {
                window.getProperties().put(SETTLED, Boolean.TRUE);
                return;
            }
            // the scene takes the size just asked for only at the next pulse: counted as already having it
            double sceneWidth = window.getScene() == null ? 0 : window.getScene().getWidth() + width - widthBefore;
            double sceneHeight = window.getScene() == null ? 0 : window.getScene().getHeight() + height - heightBefore;
            // the scene follows a resize late: a content-size correction is made again only once the scene has
            // answered the previous one (its height changed), so a frame arriving after a first correction is
            // made up for too, and a late scene never makes the window creep; at most three
            int[] corrections = {0};
            double[] sceneAtCorrection = {Double.NaN};
            InvalidationListener putBack = changed -> Platform.runLater(() -> {
                if (!window.isShowing() || maximized(window)) {
                    return;
                }
                if (window.getWidth() < width - 1 || window.getHeight() < height - 1) {
                    window.setWidth(width);
                    window.setHeight(height);
                    window.setX(x);
                    window.setY(y);
                } else if (window instanceof Stage stage && stage.getOwner() != null && corrections[0] < 3
                        && window.getScene().getHeight() != sceneAtCorrection[0]) {
                    double sceneBefore = window.getScene().getHeight();
                    sceneAtCorrection[0] = Double.NaN; // the previous correction, if any, has been answered
                    if (keepContentSize(window, sceneWidth, sceneHeight, corrections[0] > 0)) {
                        corrections[0]++;
                        sceneAtCorrection[0] = sceneBefore;
                    }
                }
            });
            window.widthProperty().addListener(putBack);
            window.heightProperty().addListener(putBack);
            if (window.getScene() != null) {
                window.getScene().widthProperty().addListener(putBack);
                window.getScene().heightProperty().addListener(putBack);
            }
            putBack.invalidated(null); // the 200×200 answer may already have come
            PauseTransition settled = new PauseTransition(SETTLING);
            settled.setOnFinished(done -> {
                window.widthProperty().removeListener(putBack);
                window.heightProperty().removeListener(putBack);
                if (window.getScene() != null) {
                    window.getScene().widthProperty().removeListener(putBack);
                    window.getScene().heightProperty().removeListener(putBack);
                }
                window.getProperties().put(SETTLED, Boolean.TRUE);
            });
            settled.play();
        });
    }

    /**
     * The first dialog of a session is sized before the window manager has said how thick its frame is; when
     * the frame (title bar) arrives, GTK keeps the outer size and takes the frame from the content, so the
     * dialog's bottom row was cut (Create key: 407 px of 432). The window grows by what the content lost,
     * staying centred where it was. Only owned windows: their size comes from their content each time,
     * whereas the main window's size is the user's and is saved.
     */
    private static boolean keepContentSize(Window window, double sceneWidth, double sceneHeight,
                                           boolean afterCorrection) {
        // the frame may have come before WINDOW_SHOWN already: the content's preferred size is wanted too
        javafx.scene.Parent root = window.getScene().getRoot();
        double wantedWidth = Math.max(sceneWidth, Math.ceil(root.prefWidth(-1)));
        double content = Math.ceil(root.prefHeight(wantedWidth));
        double wantedHeight = afterCorrection ? content : Math.max(sceneHeight, content);
        double missingWidth = Math.max(0, wantedWidth - window.getScene().getWidth());
        double missingHeight = wantedHeight - window.getScene().getHeight();
        if (!afterCorrection) {
            missingHeight = Math.max(0, missingHeight); // a taller dialog is only taken back when it was our doing
        }
        if (missingWidth <= 1 && Math.abs(missingHeight) <= 1) {
            return false;
        }
        if (!sceneFollowsWindow(window)) {
            // growing by what an out-of-date scene lacks made Create key open 918x631 for 560x428 of content;
            // the scene's next size change brings this back
            return false;
        }
        javafx.geometry.Rectangle2D screen = screenOf(window);
        double width = Math.min(window.getWidth() + missingWidth, screen.getWidth());
        double height = Math.min(window.getHeight() + missingHeight, screen.getHeight()); // an overshoot shrinks
        double x = window.getX() - (width - window.getWidth()) / 2;
        double y = window.getY() - (height - window.getHeight()) / 2;
        window.setWidth(width);
        window.setHeight(height);
        window.setX(Math.max(screen.getMinX(), Math.min(x, screen.getMaxX() - width)));
        window.setY(Math.max(screen.getMinY(), Math.min(y, screen.getMaxY() - height)));
        return true;
    }

    /**
     * Whether the window's scene has its size yet: GTK's first 200x200 answer can reach the scene after the
     * window has its real size, and content measured at that width is many times too tall.
     */
    static boolean sceneFollowsWindow(Window window) {
        double frameWidth = window.getWidth() - window.getScene().getWidth();
        double frameHeight = window.getHeight() - window.getScene().getHeight();
        return frameWidth >= 0 && frameHeight >= 0 && frameWidth <= MAX_FRAME && frameHeight <= MAX_FRAME;
    }

    private static javafx.geometry.Rectangle2D screenOf(Window window) {
        return javafx.stage.Screen.getScreensForRectangle(window.getX(), window.getY(), window.getWidth(),
                window.getHeight()).stream().findFirst().orElse(javafx.stage.Screen.getPrimary()).getVisualBounds();
    }

    /**
     * A dialog sized before its stylesheet applied (the first dialog of a session) is smaller than its
     * content: it grows to its content's preferred size, staying centred on its owner and on the screen.
     */
    private static void growToPreferredSize(Window window) {
        if (!(window instanceof Stage stage) || stage.getOwner() == null || window.getScene() == null
                || maximized(window)) {
            return;
        }
        javafx.scene.Parent root = window.getScene().getRoot();
        root.applyCss();
        double extraWidth = Math.ceil(root.prefWidth(-1)) - window.getScene().getWidth();
        double extraHeight = Math.ceil(root.prefHeight(Math.max(window.getScene().getWidth(), root.prefWidth(-1))))
                - window.getScene().getHeight();
        // measured at a narrower scene, wrapped text made the window taller than its content at the width it
        // gets now (Find a leaked key: 334 px for 298): at show, the height follows the content both ways
        if (extraWidth <= 0 && Math.abs(extraHeight) <= 1) {
            return;
        }
        javafx.geometry.Rectangle2D screen = screenOf(window);
        double width = Math.min(window.getWidth() + Math.max(0, extraWidth), screen.getWidth());
        double height = Math.min(window.getHeight() + extraHeight, screen.getHeight());
        Window owner = stage.getOwner();
        double x = owner.getX() + (owner.getWidth() - width) / 2;
        double y = window.getY() - (height - window.getHeight()) / 2;
        window.setWidth(width);
        window.setHeight(height);
        window.setX(Math.max(screen.getMinX(), Math.min(x, screen.getMaxX() - width)));
        window.setY(Math.max(screen.getMinY(), Math.min(y, screen.getMaxY() - height)));
    }

    private static boolean maximized(Window window) {
        return window instanceof Stage stage && (stage.isMaximized() || stage.isFullScreen());
    }
}
