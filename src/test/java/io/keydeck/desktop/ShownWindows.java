package io.keydeck.desktop;

import io.keydeck.ui.common.Theme;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app's windows as the real desktop shows them: finding, opening and closing them as a user would, waiting
 * until the window manager has answered, checking a dialog laid out (size, place, no label cut to "…") and
 * shooting the screen under target/real-desktop/.
 */
final class ShownWindows {
    private static final Path SHOTS = Path.of("target", "real-desktop");
    private final RealDesktop desktop;
    private final int screenWidth;
    private final int screenHeight;
    private Stage main;

    ShownWindows(RealDesktop desktop, int screenWidth, int screenHeight) {
        this.desktop = desktop;
        this.screenWidth = screenWidth;
        this.screenHeight = screenHeight;
    }

    /** The main window, once the app shows it. */
    void mainIs(Stage main) {
        this.main = main;
    }

    interface DialogCheck {
        void on(Stage dialog) throws Exception;
    }

    /** {@link #checkLaidOut}, then {@code more}; the dialog is closed even when a check fails, so the next test starts clean. */
    void checkAndClose(Stage dialog, String name, DialogCheck more) throws Exception {
        try {
            checkLaidOut(dialog, name);
            more.on(dialog);
        } finally {
            close(dialog);
        }
    }

    /**
     * With {@code -Dkeydeck.docsShots=DIR}, the 1366x768 shot of a view, cut to the window, becomes the README's
     * {@code DIR/<theme>-<view>.png}: the README's pictures are taken here, on the real desktop.
     */
    void forTheReadme(Theme theme, String view) throws Exception {
        String docs = System.getProperty("keydeck.docsShots", "");
        if (docs.isBlank() || screenWidth != 1366) {
            return;
        }
        int[] window = desktop.geometry("KeyDeck");
        Path target = Path.of(docs).toAbsolutePath().resolve(theme.name().toLowerCase() + "-" + view + ".png");
        Process crop = new ProcessBuilder("convert", shot(theme, "view-" + view).toString(), "-crop",
                window[2] + "x" + window[3] + "+" + window[0] + "+" + window[1], "+repage", target.toString())
                .inheritIO().start();
        assertThat(crop.waitFor()).as("convert for " + target).isZero();
    }

    static String defaultButtonText(Stage stage) {
        return stage.getScene().getRoot().lookupAll(".button").stream()
                .filter(node -> node instanceof Button b && b.isDefaultButton())
                .map(node -> ((Button) node).getText().replace("_", "")).findFirst().orElse("");
    }

    static Button buttonIn(Stage stage, String text) {
        return stage.getScene().getRoot().lookupAll(".button").stream()
                .filter(node -> node instanceof Button b && b.getText() != null && b.getText().replace("_", "").equals(text))
                .map(Button.class::cast).findFirst().orElseThrow(() -> new AssertionError("no button " + text));
    }

    /** The toolbar's "Disable 4" / "Enable 2 of 4" button, when enabled. */
    Optional<Button> disableOrEnableButton() {
        return main.getScene().getRoot().lookupAll("#disableButton").stream()
                .filter(node -> node instanceof Button b && b.isVisible() && !b.isDisabled()).map(Button.class::cast)
                .findFirst();
    }

    boolean fireById(String id) throws Exception {
        Button button = onFx(() -> (Button) main.getScene().lookup(id));
        Platform.runLater(button::fire);
        return true;
    }

    void checkLaidOut(Stage dialog, String name) throws Exception {
        settled(dialog);
        // shot first, so a dialog that fails a check below is there to look at
        for (Theme theme : new Theme[] {Theme.DARK, Theme.LIGHT}) {
            onFx(theme::apply);
            screenshot(dialog, theme, name);
        }
        int[] x11 = desktop.geometry(onFx(dialog::getTitle));
        double prefWidth = onFx(() -> dialog.getScene().getRoot().prefWidth(-1));
        double prefHeight = onFx(() -> dialog.getScene().getRoot().prefHeight(dialog.getScene().getWidth()));
        assertThat((double) x11[2]).as(name + " width on screen vs preferred").isGreaterThanOrEqualTo(prefWidth - 2);
        assertThat((double) x11[3]).as(name + " height on screen vs preferred").isGreaterThanOrEqualTo(prefHeight - 2);
        assertThat((double) x11[3]).as(name + " height on screen vs preferred (no empty band)")
                .isLessThanOrEqualTo(Math.max(prefHeight, onFx(() -> dialog.getScene().getRoot()
                        .minHeight(dialog.getScene().getWidth()))) + 4);
        assertThat((double) x11[2]).as(name + " on screen vs scene").isCloseTo(onFx(() -> dialog.getScene().getWidth()), within(2));
        int[] owner = desktop.geometry("KeyDeck");
        double dialogCentre = x11[0] + x11[2] / 2.0;
        double ownerCentre = owner[0] + owner[2] / 2.0;
        assertThat(dialogCentre).as(name + " centred on the main window").isCloseTo(ownerCentre, within(4));
        assertThat(x11[1]).as(name + " inside the main window").isBetween(owner[1], owner[1] + owner[3] - x11[3]);
        assertThat(onFx(() -> cutLabels(dialog.getScene().getRoot()))).as(name + ": labels cut to …").isEmpty();
    }

    Stage openDialog(RealDesktop.Condition open, String title) throws Exception {
        onFx(() -> main.requestFocus());
        open.holds();
        waitUntil(15, () -> findStage(title).isPresent());
        return onFx(() -> findStage(title).orElseThrow());
    }

    void close(Stage dialog) throws Exception {
        desktop.keys("Escape");
        waitUntil(10, () -> !dialog.isShowing());
    }

    boolean fire(String text) throws Exception {
        Button button = onFx(() -> main.getScene().getRoot().lookupAll(".button").stream()
                .filter(node -> node instanceof Button b && b.getText() != null
                        && b.getText().replace("_", "").equals(text))
                .map(Button.class::cast).findFirst().orElseThrow(() -> new AssertionError("no button " + text)));
        Platform.runLater(button::fire); // fire() shows a modal dialog and waits; do not wait for it here
        return true;
    }

    /**
     * Right-clicks the first row of the keys table, as a mouse would, and picks {@code itemId} from the menu
     * that opens; returns the dialog titled {@code title} it opens.
     */
    Stage openFromKeyMenu(String itemId, String title) throws Exception {
        double[] at = onFx(() -> {
            Node row = keysTable().lookupAll(".table-row-cell").stream()
                    .filter(node -> node instanceof javafx.scene.control.TableRow<?> r && !r.isEmpty() && r.getIndex() == 0)
                    .findFirst().orElseThrow(() -> new AssertionError("no first row in the keys table"));
            javafx.geometry.Bounds bounds = row.localToScreen(row.getBoundsInLocal());
            return new double[] {bounds.getMinX() + 40, bounds.getCenterY()};
        });
        onFx(() -> main.requestFocus());
        desktop.click((int) at[0], (int) at[1], 3);
        waitUntil(10, () -> keyMenu().isPresent());
        javafx.scene.control.MenuItem item = onFx(() -> {
            javafx.scene.control.ContextMenu menu = keyMenu().orElseThrow();
            javafx.scene.control.MenuItem found = menu.getItems().stream().filter(i -> itemId.equals(i.getId()))
                    .findFirst().orElseThrow(() -> new AssertionError("no " + itemId + " in the key menu"));
            assertThat(found.isDisable()).as(itemId + " enabled for the first row").isFalse();
            menu.hide();
            return found;
        });
        Platform.runLater(item::fire); // shows a modal dialog and waits; do not wait for it here
        waitUntil(15, () -> findStage(title).isPresent());
        return onFx(() -> findStage(title).orElseThrow());
    }

    private static Optional<javafx.scene.control.ContextMenu> keyMenu() {
        return Window.getWindows().stream().filter(w -> w instanceof javafx.scene.control.ContextMenu menu
                && menu.isShowing() && "keyContextMenu".equals(menu.getId()))
                .map(javafx.scene.control.ContextMenu.class::cast).findFirst();
    }

    /** Waits until the window's size has held still for a few checks (the window manager has answered). */
    void settled(Window window) throws Exception {
        double[] last = {-1, -1};
        int[] still = {0};
        waitUntil(20, () -> {
            boolean same = window.getWidth() == last[0] && window.getHeight() == last[1];
            last[0] = window.getWidth();
            last[1] = window.getHeight();
            still[0] = same ? still[0] + 1 : 0;
            return still[0] >= 5 && io.keydeck.ui.common.ShownWindowSize.hasSettled(window);
        });
    }

    static Optional<Stage> closeWithoutStoring() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.isShowing() && s.getScene() != null
                && s.getScene().lookup("#closeWithoutStoringAlert") != null).map(Stage.class::cast).findFirst();
    }

    Optional<Stage> findStage(String title) {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && title.equals(s.getTitle())
                && s.isShowing()).map(Stage.class::cast).findFirst();
    }

    /** Visible labels and buttons whose drawn text is not their whole text ("V…" for "Verify"). */
    static List<String> cutLabels(Parent root) {
        List<String> cut = new ArrayList<>();
        collect(root, cut);
        return cut;
    }

    static void collect(Node node, List<String> cut) {
        if (!node.isVisible() || node.getStyleClass().contains("table-view")) {
            return; // table cells are cut on purpose where a column is narrow
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isBlank()) {
            labeled.lookupAll(".text").stream().filter(Text.class::isInstance).map(Text.class::cast)
                    .filter(text -> text.getParent() == labeled)
                    .filter(text -> !text.getText().equals(labeled.getText().replace("_", ""))
                            && !text.getText().equals(labeled.getText())
                            && text.getText().endsWith(labeled.getEllipsisString()))
                    .findFirst()
                    .ifPresent(text -> cut.add(labeled.getClass().getSimpleName() + " '" + labeled.getText()
                            + "' shown as '" + text.getText() + "'"));
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, cut));
        }
    }

    /** Shoots the screen once {@code window} has gone through four pulses after the last change (drawn, also on the X server: after two, one dark shot in ten came out light). */
    void screenshot(Window window, Theme theme, String what) throws Exception {
        Path file = shot(theme, what);
        // the X server can show the frame before the theme's: a dark shot that came out light (one in ten,
        // maximised at 1920x1080) is taken again once more pulses have passed, and fails if it stays light
        for (int attempt = 1; ; attempt++) {
            pulses(window, 4);
            desktop.screenshot(file);
            if (theme != Theme.DARK || mean(file) < DARK_MEAN) {
                return;
            }
            assertThat(attempt).as("dark shot " + file + " still light (mean " + mean(file) + ")").isLessThan(5);
        }
    }

    private static final double DARK_MEAN = 0.3;

    /** The shot's mean brightness, 0 (black) to 1 (white). */
    private static double mean(Path file) throws Exception {
        Process convert = new ProcessBuilder("convert", file.toString(), "-colorspace", "Gray", "-format", "%[fx:mean]",
                "info:").redirectErrorStream(true).start();
        String out = new String(convert.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        assertThat(convert.waitFor()).as("convert on " + file + ": " + out).isZero();
        return Double.parseDouble(out);
    }

    private static void pulses(Window window, int count) throws Exception {
        int[] pulses = {0};
        Runnable counter = () -> pulses[0]++;
        onFx(() -> {
            window.getScene().addPostLayoutPulseListener(counter);
            Platform.requestNextPulse();
        });
        try {
            waitUntil(10, () -> {
                Platform.requestNextPulse();
                return pulses[0] >= count;
            });
        } finally {
            onFx(() -> window.getScene().removePostLayoutPulseListener(counter));
        }
    }

    Path shot(Theme theme, String what) {
        return SHOTS.resolve(screenWidth + "x" + screenHeight + "-" + theme.name().toLowerCase() + "-" + what + ".png");
    }

    @SuppressWarnings("unchecked")
    TableView<Object> keysTable() {
        return Window.getWindows().stream().map(w -> w.getScene() == null ? null : w.getScene().lookup(".keys-table"))
                .filter(node -> node instanceof TableView).map(node -> (TableView<Object>) node).findFirst().orElse(null);
    }

    static org.assertj.core.data.Offset<Double> within(double offset) {
        return org.assertj.core.data.Offset.offset(offset);
    }
}
