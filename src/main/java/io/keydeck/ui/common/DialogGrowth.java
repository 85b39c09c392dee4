package io.keydeck.ui.common;

import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A shown dialog grows when its content does: an error banner, a match list or a hint that appears after
 * the dialog opened would otherwise push its buttons below the window's edge, where nobody can press them
 * (JavaFX sizes a dialog to its content only when it is shown). It never shrinks, so a size the user chose
 * stays, and it stays on its screen and, where it fits, over its owner.
 */
public final class DialogGrowth {
    private DialogGrowth() {
    }

    /** From now on {@code dialog}'s window grows, after each layout, to its content's preferred height. */
    public static void followContent(Dialog<?> dialog) {
        DialogPane pane = dialog.getDialogPane();
        Runnable grow = () -> growToContent(dialog);
        pane.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.removePostLayoutPulseListener(grow);
            }
            if (scene != null) {
                scene.addPostLayoutPulseListener(grow);
            }
        });
        if (pane.getScene() != null) {
            pane.getScene().addPostLayoutPulseListener(grow);
        }
    }

    private static void growToContent(Dialog<?> dialog) {
        Scene scene = dialog.getDialogPane().getScene();
        Window window = scene == null ? null : scene.getWindow();
        if (!dialog.isShowing() || window == null || Double.isNaN(window.getHeight())
                || window instanceof Stage stage && (stage.isMaximized() || stage.isFullScreen())
                || !ShownWindowSize.sceneFollowsWindow(window)) {
            return; // measured at an out-of-date scene width, the content would ask for the whole screen
        }
        double wanted = Math.ceil(dialog.getDialogPane().prefHeight(scene.getWidth()));
        double missing = wanted - scene.getHeight();
        if (missing <= 1) {
            return;
        }
        Rectangle2D screen = Screen.getScreensForRectangle(window.getX(), window.getY(), window.getWidth(),
                window.getHeight()).stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
        double height = Math.min(window.getHeight() + missing, screen.getHeight());
        if (height <= window.getHeight() + 1) {
            return; // already as tall as the screen allows
        }
        double y = window.getY() - (height - window.getHeight()) / 2;
        Window owner = window instanceof Stage stage ? stage.getOwner() : null;
        if (owner != null && height <= owner.getHeight()) {
            y = Math.max(owner.getY(), Math.min(y, owner.getY() + owner.getHeight() - height)); // over its owner
        }
        window.setHeight(height);
        window.setY(Math.max(screen.getMinY(), Math.min(y, screen.getMaxY() - height)));
    }
}
