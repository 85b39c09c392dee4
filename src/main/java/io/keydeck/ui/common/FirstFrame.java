package io.keydeck.ui.common;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;

/** Work that waits for a window's first frame, so the frame is not held up by it. */
public final class FirstFrame {
    private FirstFrame() {
    }

    /**
     * Runs {@code action} once {@code node}'s scene (the one it is in now, or else the first one it is
     * put in) has laid out a frame and handed it to the renderer.
     */
    public static void then(Node node, Runnable action) {
        if (node.getScene() != null) {
            afterNextPulse(node.getScene(), action);
            return;
        }
        node.sceneProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Scene> obs, Scene old, Scene scene) {
                if (scene == null) {
                    return;
                }
                node.sceneProperty().removeListener(this);
                afterNextPulse(scene, action);
            }
        });
    }

    /**
     * Runs {@code action} on the FX thread in the pulse that lays out {@code scene}'s next frame, ahead of
     * work that {@link #then} queued behind that frame; for short actions such as starting background work.
     */
    public static void laidOut(Scene scene, Runnable action) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            action.run();
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    private static void afterNextPulse(Scene scene, Runnable action) {
        laidOut(scene, () -> Platform.runLater(action));
    }
}
