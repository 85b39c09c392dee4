package io.keydeck.ui.keys;

import io.keydeck.model.ApiKey;
import io.keydeck.ui.SceneShots;
import javafx.geometry.Orientation;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21: with owner, spend, 7-day usage and limit columns the Keys table still shows every column in a
 * 1366 px wide window (the commonest laptop width), instead of pushing the new ones off to the right. Where the
 * test screen is narrower than 1366 px (Monocle's is 1280), the table's width there is worked out from the
 * default window: the sidebar keeps its width, so the table grows by what the window grows.
 */
class EveryKeyColumnFitsA1366PixelWindowTest {
    private static final double LAPTOP_WIDTH = 1366;
    /** The vertical scroll bar and the table's borders. */
    private static final double TABLE_CHROME = 18;

    private KeysWindow window;

    @AfterEach
    void close() throws Exception {
        if (window != null) {
            window.close();
        }
    }

    private List<TableColumn<ApiKey, ?>> visibleColumns() throws Exception {
        return onFx(() -> window.table().getVisibleLeafColumns().stream().toList());
    }

    @Test
    void theMinimumWidthsOfAllColumnsFitAndAt1366NothingScrollsSideways() throws Exception {
        window = KeysWindow.onSandbox();
        waitUntil(20, () -> visibleColumns().stream().map(TableColumn::getId).toList()
                .containsAll(List.of("ownerColumn", "spendColumn", "limitColumn", "usageColumn")));
        assertThat(visibleColumns()).hasSize(12);
        Stage stage = onFx(() -> (Stage) window.table().getScene().getWindow());
        double tableAtLaptopWidth = onFx(() -> window.table().getWidth() + LAPTOP_WIDTH - stage.getWidth());
        double minimums = visibleColumns().stream().mapToDouble(TableColumn::getMinWidth).sum();
        assertThat(minimums + TABLE_CHROME).as("the columns' minimum widths at 1366 px").isLessThanOrEqualTo(
                tableAtLaptopWidth);

        if (onFx(() -> Screen.getPrimary().getBounds().getWidth()) >= LAPTOP_WIDTH) {
            onFx(() -> stage.setWidth(LAPTOP_WIDTH));
            waitUntil(5, () -> window.table().getWidth() > tableAtLaptopWidth - 2);
            waitUntil(5, () -> !horizontalScrollBarShown());
            SceneShots.inBothThemes(stage.getScene(), "keys-1366");
        }
    }

    private boolean horizontalScrollBarShown() {
        return window.table().lookupAll(".scroll-bar").stream().anyMatch(n -> n instanceof ScrollBar bar
                && bar.getOrientation() == Orientation.HORIZONTAL && bar.isVisible());
    }
}
