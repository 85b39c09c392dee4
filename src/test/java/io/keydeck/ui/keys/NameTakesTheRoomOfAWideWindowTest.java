package io.keydeck.ui.keys;

import io.keydeck.model.ApiKey;
import io.keydeck.settings.TableLayout;
import io.keydeck.ui.SceneShots;
import javafx.geometry.Orientation;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.stage.Stage;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21: in a wide window the Keys table gives most of its room to the key's name, not to the last column,
 * so the name is its widest column, and the columns still fill the table; widths the user dragged come back in the next session, and survive a wider
 * window there.
 */
class NameTakesTheRoomOfAWideWindowTest {
    private static final double LAPTOP = 1366;
    private static final double WIDE = 1920;
    private static final double WIDER = 2400;

    private KeysWindow window;

    @AfterEach
    void close() throws Exception {
        if (window != null) {
            window.close();
        }
    }

    private Map<String, Double> widths() throws Exception {
        return onFx(() -> {
            Map<String, Double> widths = new LinkedHashMap<>();
            for (TableColumn<ApiKey, ?> column : window.table().getVisibleLeafColumns()) {
                widths.put(column.getId(), column.getWidth());
            }
            return widths;
        });
    }

    private void openWithAllColumns(Map<String, TableLayout> saved) throws Exception {
        window = saved == null ? KeysWindow.onSandbox() : KeysWindow.onSandbox(saved);
        waitUntil(20, () -> window.table().getVisibleLeafColumns().size() == 12);
        widen(LAPTOP); // the narrowest window in which every column shows at its minimum or more
    }

    private Stage stage() throws Exception {
        return onFx(() -> (Stage) window.table().getScene().getWindow());
    }

    private void widen(double width) throws Exception {
        Stage stage = stage();
        double tableBefore = onFx(() -> window.table().getWidth());
        double stageBefore = stage.getWidth();
        onFx(() -> stage.setWidth(width));
        // the sidebar keeps its width, so the table grows by what the window grows
        waitUntil(5, () -> stage.getWidth() == width
                && window.table().getWidth() >= tableBefore + width - stageBefore - 2);
    }

    private void fillTheTable() throws Exception {
        waitUntil(5, () -> {
            double sum = window.table().getVisibleLeafColumns().stream().mapToDouble(TableColumn::getWidth).sum();
            // the table's width less its borders and the vertical scroll bar
            return sum <= window.table().getWidth() && sum > window.table().getWidth() - 24 && window.table()
                    .lookupAll(".scroll-bar").stream().noneMatch(n -> n instanceof ScrollBar bar
                            && bar.getOrientation() == Orientation.HORIZONTAL && bar.isVisible());
        });
    }

    @Test
    void aWideWindowGivesMostOfItsRoomToTheName() throws Exception {
        openWithAllColumns(null);
        widen(WIDE);
        fillTheTable();
        Map<String, Double> wide = widths();
        for (String id : wide.keySet()) {
            if (!id.equals("nameColumn")) {
                assertThat(wide.get(id)).as(id + " at 1920 px is narrower than the name: %s", wide)
                        .isLessThan(wide.get("nameColumn"));
            }
        }
        SceneShots.inBothThemes(stage().getScene(), "keys-wide-window");

        widen(WIDER);
        fillTheTable();
        Map<String, Double> wider = widths();
        double nameGrowth = wider.get("nameColumn") - wide.get("nameColumn");
        double tableGrowth = sum(wider) - sum(wide);
        assertThat(nameGrowth).as("the name's part of the room: %s -> %s", wide, wider)
                .isGreaterThanOrEqualTo(tableGrowth * 0.45);
        for (String id : wider.keySet()) {
            if (!id.equals("nameColumn")) {
                assertThat(wider.get(id) - wide.get(id)).as(id + " grows less than the name").isLessThan(nameGrowth);
            }
        }
        assertThat(wider.get("ownerColumn")).as("the owner gets some too").isGreaterThan(wide.get("ownerColumn"));
    }

    private static double sum(Map<String, Double> widths) {
        return widths.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    @Test
    void draggedWidthsComeBackInTheNextSessionAndSurviveAWiderWindow() throws Exception {
        openWithAllColumns(null);
        widen(WIDE);
        fillTheTable();
        double scopes = widths().get("scopesColumn");
        onFx(() -> window.table().resizeColumn(column("scopesColumn"), 60));
        fillTheTable();
        Map<String, Double> dragged = widths();
        assertThat(dragged.get("scopesColumn")).as("the drag took").isGreaterThan(scopes + 50);
        Map<String, TableLayout> saved = window.tableLayouts();
        window.close();

        openWithAllColumns(saved);
        widen(WIDE);
        fillTheTable();
        Map<String, Double> restored = widths();
        for (String id : dragged.keySet()) {
            assertThat(restored.get(id)).as(id).isCloseTo(dragged.get(id), Offset.offset(1.5));
        }
        widen(WIDER);
        fillTheTable();
        Map<String, Double> wider = widths();
        assertThat(wider.get("scopesColumn")).as("the dragged width is kept").isGreaterThanOrEqualTo(
                dragged.get("scopesColumn") - 1);
        assertThat(wider.get("nameColumn") - restored.get("nameColumn")).isGreaterThan(
                wider.get("limitColumn") - restored.get("limitColumn"));
    }

    private TableColumn<ApiKey, ?> column(String id) {
        return window.table().getVisibleLeafColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
    }
}
