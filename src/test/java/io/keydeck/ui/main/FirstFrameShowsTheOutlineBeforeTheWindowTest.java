package io.keydeck.ui.main;

import io.keydeck.ui.AppServices;
import io.keydeck.ui.AppWindow;
import io.keydeck.session.ConnectionSession;
import io.keydeck.ui.FakeGatewayClient;
import io.keydeck.ui.TestKeys;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.Theme;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The app's window draws its outline first (brand, "Opening Keys…") and builds the main window,
 * sidebar lists, status bar and Keys view, right after that first frame, in the same scene.
 */
@ExtendWith(ApplicationExtension.class)
class FirstFrameShowsTheOutlineBeforeTheWindowTest {
    private final BackgroundTasks tasks = BackgroundTasks.pool(2);
    private final List<String> firstFrame = new ArrayList<>();
    private final List<Double> outlinePlaces = new ArrayList<>();
    private Scene scene;

    @Start
    void start(Stage stage) {
        AppServices services = AppServices.of(tasks, List.of(ConnectionSession.of("Staging gateway", false,
                new FakeGatewayClient(TestKeys.many(12)))), Clock.fixed(TestKeys.NOW, ZoneOffset.UTC));
        Theme.LIGHT.apply();
        scene = AppWindow.windowScene(services);
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            scene.getRoot().lookupAll(".brand-name").forEach(n -> firstFrame.add(((Label) n).getText()));
            scene.getRoot().lookupAll(".opening-view").forEach(n -> firstFrame.add(((Label) n).getText()));
            firstFrame.add(scene.getRoot().lookup(".sidebar-list") == null ? "no sidebar lists" : "sidebar lists");
            firstFrame.add(scene.getRoot().lookup(".keys-table") == null ? "no table" : "table");
            outlinePlaces.addAll(places(scene));
        };
        scene.addPostLayoutPulseListener(once[0]);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void closeTasks() {
        tasks.close();
    }

    @Test
    void theFirstFrameSaysWhichViewIsOpeningAndTheWholeWindowFollowsInTheSameScene(FxRobot robot) throws Exception {
        waitUntil(10, () -> onFx(() -> robot.lookup(".keys-table").tryQueryAs(TableView.class)
                .map(t -> !t.getItems().isEmpty()).orElse(false)));

        assertThat(onFx(() -> List.copyOf(firstFrame)))
                .containsExactly("KeyDeck", "Opening Keys\u2026", "no sidebar lists", "no table");
        assertThat(onFx(() -> robot.lookup(".opening-view").tryQuery().isPresent())).isFalse();
        assertThat(onFx(() -> robot.lookup(".sidebar-list").queryAll())).hasSize(2);
        assertThat(onFx(() -> scene.getRoot().getStyleClass())).contains("main-window").doesNotContain("opening-window");
        assertThat(onFx(() -> scene.getProperties())).containsKey(io.keydeck.ui.common.LayoutMemory.class);
    }

    @Test
    void theMainWindowLinesUpWithTheOutlineSoNothingJumps(FxRobot robot) throws Exception {
        waitUntil(10, () -> onFx(() -> robot.lookup(".keys-table").tryQuery().isPresent()));

        List<Double> windowPlaces = onFx(() -> places(scene));
        assertThat(onFx(() -> List.copyOf(outlinePlaces))).hasSize(windowPlaces.size());
        for (int i = 0; i < windowPlaces.size(); i++) {
            assertThat(outlinePlaces.get(i)).as(PLACES.get(i)).isCloseTo(windowPlaces.get(i), within(0.5));
        }
    }

    private static final List<String> PLACES = List.of("sidebar width", "brand name x", "brand name y",
            "status bar y", "status bar height");

    /** Where the parts both frames share sit in the scene, in {@link #PLACES}' order. */
    private static List<Double> places(Scene scene) {
        Bounds sidebar = bounds(scene, ".sidebar");
        Bounds brand = bounds(scene, ".brand-name");
        Bounds status = bounds(scene, ".app-status-bar");
        return List.of(sidebar.getWidth(), brand.getMinX(), brand.getMinY(), status.getMinY(), status.getHeight());
    }

    private static Bounds bounds(Scene scene, String selector) {
        Node node = scene.getRoot().lookup(selector);
        assertThat(node).as(selector).isNotNull();
        return node.localToScene(node.getLayoutBounds());
    }
}
