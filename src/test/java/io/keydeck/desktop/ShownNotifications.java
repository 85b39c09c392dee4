package io.keydeck.desktop;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.util.Optional;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** The notices ("Key created") a finished action shows in the main window, as placed on screen. */
final class ShownNotifications {
    private ShownNotifications() {
    }

    static void waitForOne(Stage main) throws Exception {
        waitUntil(10, () -> notice(main).isPresent());
    }

    /** Waits for a notice in {@code main} and checks it is drawn wholly inside the main window's content. */
    static void nextOneIsInside(Stage main, String what) throws Exception {
        waitForOne(main);
        double[] bounds = onFx(() -> {
            Node notice = notice(main).orElseThrow();
            Bounds drawn = notice.localToScreen(notice.getBoundsInLocal());
            Scene scene = main.getScene();
            return new double[] {drawn.getMinX(), drawn.getMinY(), drawn.getWidth(), drawn.getHeight(),
                    main.getX() + scene.getX(), main.getY() + scene.getY(), scene.getWidth(), scene.getHeight()};
        });
        assertThat(bounds[2]).as(what + ": the notice's width").isPositive();
        assertThat(bounds[0]).as(what + ": the notice's left edge within the window " + describe(bounds))
                .isBetween(bounds[4], bounds[4] + bounds[6] - bounds[2]);
        assertThat(bounds[1]).as(what + ": the notice's top edge within the window " + describe(bounds))
                .isBetween(bounds[5], bounds[5] + bounds[7] - bounds[3]);
    }

    /** Waits for the notice to go by itself, as it does after a few seconds. */
    static void goesAway(Stage main, String what) throws Exception {
        try {
            waitUntil(10, () -> notice(main).isEmpty());
        } catch (Exception e) {
            throw new AssertionError(what + ": the notice was still shown after 10 s", e);
        }
    }

    private static Optional<Node> notice(Stage main) {
        return main.getScene().getRoot().lookupAll(".done-notice").stream()
                .filter(node -> node.isVisible() && node.getScene() != null).findFirst();
    }

    private static String describe(double[] b) {
        return String.format("(notice %.0f,%.0f %.0fx%.0f; content %.0f,%.0f %.0fx%.0f)",
                b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]);
    }
}
