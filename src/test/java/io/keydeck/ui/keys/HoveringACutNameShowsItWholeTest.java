package io.keydeck.ui.keys;

import io.keydeck.model.ApiKey;
import io.keydeck.model.Capability;
import io.keydeck.model.KeyEnvironment;
import io.keydeck.ui.FakeGatewayClient;
import io.keydeck.ui.TestKeys;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A name longer than its cell shows whole in a tooltip when the pointer rests on it; the tooltips are
 * made then, not for every cell drawn, which kept the first populated table waiting (issue 22).
 */
class HoveringACutNameShowsItWholeTest {
    private static final String LONG_NAME = "Nightly export of every invoice to the finance warehouse ".repeat(3).trim();

    private KeysWindow window;

    @AfterEach
    void close() throws Exception {
        if (window != null) {
            window.close();
        }
    }

    @Test
    void theWholeNameShowsInATooltipMadeWhenThePointerArrives() throws Exception {
        ApiKey key = TestKeys.key("key_0001", LONG_NAME, KeyEnvironment.LIVE, List.of("chat"), Duration.ofDays(3),
                null, null, false, false);
        window = KeysWindow.on(new FakeGatewayClient(List.of(key)).withCapabilities(Capability.values()));
        waitUntil(5, () -> nameCell(LONG_NAME) != null);
        assertThat(onFx(() -> window.robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(cell -> cell.getTooltip() != null).count())).as("tooltips before any pointer").isZero();
        assertThat(onFx(() -> nameCell(LONG_NAME).getAccessibleHelp())).isEqualTo(LONG_NAME);

        TableCell<?, ?> cell = onFx(() -> nameCell(LONG_NAME));
        window.robot.moveTo(cell);
        waitUntil(10, () -> onFx(() -> Window.getWindows().stream()
                .anyMatch(w -> w instanceof Tooltip tip && tip.isShowing() && LONG_NAME.equals(tip.getText()))));
    }

    private TableCell<?, ?> nameCell(String name) {
        return window.robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableColumn() != null && "nameColumn".equals(c.getTableColumn().getId())
                        && c.getTableRow() != null && c.getTableRow().getItem() instanceof ApiKey k
                        && k.name().equals(name))
                .findFirst().orElse(null);
    }
}
