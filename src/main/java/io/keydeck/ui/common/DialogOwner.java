package io.keydeck.ui.common;

import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.scene.control.Dialog;
import javafx.scene.input.InputEvent;
import javafx.scene.input.MouseEvent;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Gives a dialog its owner. Over a maximised window on Linux, the dialog is modal by KeyDeck's own hand rather
 * than the windowing system's: JavaFX 21's GTK glass marks every window a modal dialog disables as not
 * resizable, at its unmaximised size (JDK-8332222, fixed in JavaFX 23), and a window manager such as openbox
 * then takes the maximised main window back to that size while the dialog is open. There, every other window
 * of the app swallows mouse and key input and its close button while the dialog shows, and a click on one
 * brings the dialog to the front, as the windowing system's modality would.
 */
public final class DialogOwner {
    private static final boolean GTK_GLASS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT)
            .contains("linux") && !"monocle".equalsIgnoreCase(System.getProperty("glass.platform"));

    private DialogOwner() {
    }

    /** {@code dialog.initOwner(owner)}, modal over every other window of the app. */
    public static void set(Dialog<?> dialog, Window owner) {
        dialog.initOwner(owner);
        if (GTK_GLASS && maximisedAmong(owner)) {
            dialog.initModality(Modality.NONE);
            blockOthersWhileShowing(dialog);
        }
    }

    private static boolean maximisedAmong(Window owner) {
        for (Window window = owner; window != null; window = window instanceof Stage stage ? stage.getOwner() : null) {
            if (window instanceof Stage stage && (stage.isMaximized() || stage.isFullScreen())) {
                return true;
            }
        }
        return false;
    }

    private static void blockOthersWhileShowing(Dialog<?> dialog) {
        List<Runnable> unblock = new ArrayList<>();
        dialog.showingProperty().addListener((obs, was, showing) -> {
            if (!showing) {
                unblock.forEach(Runnable::run);
                unblock.clear();
                return;
            }
            Window own = dialog.getDialogPane().getScene().getWindow();
            EventHandler<Event> block = event -> {
                event.consume();
                if (event.getEventType() == MouseEvent.MOUSE_PRESSED) {
                    own.requestFocus();
                }
            };
            EventHandler<WindowEvent> keepOpen = Event::consume;
            for (Window other : List.copyOf(Window.getWindows())) {
                if (other != own && other.isShowing()) {
                    other.addEventFilter(InputEvent.ANY, block);
                    other.addEventFilter(WindowEvent.WINDOW_CLOSE_REQUEST, keepOpen);
                    unblock.add(() -> {
                        other.removeEventFilter(InputEvent.ANY, block);
                        other.removeEventFilter(WindowEvent.WINDOW_CLOSE_REQUEST, keepOpen);
                    });
                }
            }
        });
    }
}
