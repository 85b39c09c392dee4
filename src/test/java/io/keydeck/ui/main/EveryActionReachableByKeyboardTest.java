package io.keydeck.ui.main;

import io.keydeck.model.Capability;
import io.keydeck.ui.AppServices;
import io.keydeck.ui.AppWindow;
import io.keydeck.session.ConnectionSession;
import io.keydeck.ui.FakeGatewayClient;
import io.keydeck.ui.TestKeys;
import io.keydeck.ui.shell.WindowNotices.Level;
import io.keydeck.ui.shell.WindowNotices.Notice;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.FxmlView;
import io.keydeck.ui.common.Theme;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Control;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A keyboard-only user reaches the Keys toolbar by Tab, presses each action with one unambiguous Alt key, and
 * a screen reader can name every icon-only control, banner close buttons included.
 */
@ExtendWith(ApplicationExtension.class)
class EveryActionReachableByKeyboardTest {
    private final BackgroundTasks tasks = BackgroundTasks.pool(2);
    private AppServices services;
    private Scene scene;

    @Start
    void start(Stage stage) {
        services = AppServices.of(tasks,
                List.of(ConnectionSession.of("Team gateway", false, new FakeGatewayClient(TestKeys.many(12))
                        .withCapabilities(Capability.values()))),
                Clock.fixed(TestKeys.NOW, ZoneOffset.UTC));
        Theme.LIGHT.apply();
        services.notices().show(new Notice("vault", Level.WARNING, "Tokens will not be remembered",
                "No keychain answered; tokens are kept for this session only."));
        scene = AppWindow.scene(services);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void closeTasks() {
        tasks.close();
    }

    @Test
    void tabbingThroughTheKeysViewReachesTheToolbarAndTheTable(FxRobot robot) throws Exception {
        waitUntil(10, () -> !robot.lookup(".keys-table").queryAs(TableView.class).getItems().isEmpty());
        Set<String> reached = new LinkedHashSet<>();
        onFx(() -> robot.lookup(".keys-table").query().requestFocus());
        for (int i = 0; i < 40; i++) {
            robot.type(KeyCode.TAB);
            Node focused = onFx(scene::getFocusOwner);
            if (focused != null && focused.getId() != null) {
                reached.add(focused.getId());
            }
        }
        assertThat(reached).contains("refreshButton", "newKeyButton", "leakedButton", "searchField", "table",
                "addButton", "viewList", "themeMenu");
    }

    @Test
    void everyIconOnlyControlInEveryViewHasAnAccessibleName(FxRobot robot) throws Exception {
        List<String> unnamed = new ArrayList<>();
        for (FxmlView view : List.of(FxmlView.KEYS, FxmlView.USAGE, FxmlView.AUTH_LOG, FxmlView.REVIEW,
                FxmlView.JOURNAL)) {
            showAndWaitForLayout(view);
            onFx(() -> collectUnnamed(scene.getRoot(), view.name(), unnamed));
        }
        assertThat(unnamed).isEmpty();
        assertThat(onFx(() -> scene.getRoot().lookupAll(".notice-dismiss").size())).isPositive();
    }

    @Test
    void aBannerIsDismissedFromTheKeyboard(FxRobot robot) throws Exception {
        waitUntil(10, () -> robot.lookup(".notice .notice-dismiss").tryQuery().isPresent());
        Node close = robot.lookup(".notice .notice-dismiss").query();
        assertThat(onFx(close::getAccessibleText)).isEqualTo("Dismiss \u201cTokens will not be remembered\u201d");
        assertThat(onFx(close::isFocusTraversable)).isTrue();
        onFx(close::requestFocus);
        robot.type(KeyCode.SPACE);
        waitUntil(5, () -> services.notices().notices().isEmpty());
        assertThat(onFx(() -> robot.lookup(".notice").tryQuery().isPresent())).isFalse();
    }

    @Test
    void aScreenReaderPressesTheBannersDismissButton(FxRobot robot) throws Exception {
        waitUntil(10, () -> robot.lookup(".notice .notice-dismiss").tryQuery().isPresent());
        Node close = robot.lookup(".notice .notice-dismiss").query();
        assertThat(onFx(close::getAccessibleRole)).isEqualTo(javafx.scene.AccessibleRole.BUTTON);

        onFx(() -> close.executeAccessibleAction(javafx.scene.AccessibleAction.FIRE));

        waitUntil(5, () -> services.notices().notices().isEmpty());
        assertThat(onFx(() -> robot.lookup(".notice").tryQuery().isPresent())).isFalse();
    }

    @Test
    void inEveryViewEachAltLetterPressesOneThingAndEveryMenuItemHasOne(FxRobot robot) throws Exception {
        waitUntil(10, () -> !robot.lookup(".keys-table").queryAs(TableView.class).getItems().isEmpty());
        onFx(() -> robot.lookup(".keys-table").queryAs(TableView.class).getSelectionModel().select(0));
        List<String> clashes = new ArrayList<>();
        List<String> menuItemsWithout = new ArrayList<>();
        for (FxmlView view : List.of(FxmlView.KEYS, FxmlView.USAGE, FxmlView.AUTH_LOG, FxmlView.REVIEW,
                FxmlView.JOURNAL)) {
            showAndWaitForLayout(view);
            onFx(() -> {
                // JavaFX matches Alt+letter ignoring case: two visible owners of one letter make it ambiguous
                Map<String, List<String>> owners = new TreeMap<>();
                scene.getMnemonics().forEach((combination, mnemonics) -> mnemonics.stream()
                        .filter(m -> treeVisible(m.getNode()))
                        .forEach(m -> owners.computeIfAbsent(combination.getName().toLowerCase(Locale.ROOT),
                                k -> new ArrayList<>()).add(describe(m.getNode()))));
                owners.forEach((letter, nodes) -> {
                    if (nodes.size() > 1) {
                        clashes.add(view + " " + letter + ": " + nodes);
                    }
                });
                collectMenuItems(scene.getRoot(), view.name(), menuItemsWithout);
            });
        }
        assertThat(clashes).isEmpty();
        assertThat(menuItemsWithout).isEmpty();
    }

    private static boolean treeVisible(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Menu items in menu buttons and context menus whose text has no Alt-key mnemonic. */
    private static void collectMenuItems(Node node, String where, List<String> without) {
        List<MenuItem> items = new ArrayList<>();
        if (node instanceof MenuButton menuButton) {
            items.addAll(menuButton.getItems());
        }
        if (node instanceof Control control && control.getContextMenu() != null) {
            items.addAll(control.getContextMenu().getItems());
        }
        for (MenuItem item : items) {
            if (!(item instanceof SeparatorMenuItem) && item.getText() != null && !item.getText().isBlank()
                    && (!item.isMnemonicParsing() || !item.getText().contains("_"))) {
                without.add(where + ": " + item.getText());
            }
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collectMenuItems(child, where, without));
        }
    }

    private static void collectUnnamed(Node node, String where, List<String> unnamed) {
        // AtlantaFX banners with an onClose handler draw their close "x" as a bare pane, not a button
        if (node.getStyleClass().contains("close-button") && node.isVisible() && blank(node.getAccessibleText())) {
            unnamed.add(where + ": banner close button in " + describe(node.getParent()));
        }
        if (node instanceof ButtonBase button && blank(button.getText()) && button.getGraphic() != null
                && blank(button.getAccessibleText())) {
            unnamed.add(where + ": " + describe(button));
        }
        if (node instanceof MenuButton menuButton) {
            menuButton.getItems().forEach(item -> collectUnnamed(item, where, unnamed));
        }
        if (node instanceof Control control && control.getContextMenu() != null) {
            ContextMenu menu = control.getContextMenu();
            menu.getItems().forEach(item -> collectUnnamed(item, where, unnamed));
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collectUnnamed(child, where, unnamed));
        }
    }

    private static void collectUnnamed(MenuItem item, String where, List<String> unnamed) {
        if (!(item instanceof SeparatorMenuItem) && blank(item.getText()) && item.getGraphic() != null) {
            unnamed.add(where + ": menu item " + item.getId());
        }
        if (item instanceof Menu menu) {
            menu.getItems().forEach(child -> collectUnnamed(child, where, unnamed));
        }
    }

    private static String describe(Node node) {
        return node.getClass().getSimpleName() + (node.getId() == null ? "" : " #" + node.getId())
                + " " + node.getStyleClass();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** Shows {@code view} and waits until it sits in the content area, laid out (skins, mnemonics registered). */
    private void showAndWaitForLayout(FxmlView view) throws Exception {
        onFx(() -> services.navigation().viewProperty().set(view));
        Node shown = onFx(() -> ((javafx.scene.layout.Pane) scene.lookup("#content")).getChildren().get(0));
        waitUntil(10, () -> shown.getScene() == scene && shown.getLayoutBounds().getWidth() > 0
                && !((javafx.scene.Parent) shown).isNeedsLayout());
    }
}
