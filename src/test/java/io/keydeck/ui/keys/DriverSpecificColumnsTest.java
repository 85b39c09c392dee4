package io.keydeck.ui.keys;

import io.keydeck.model.ApiKey;
import io.keydeck.ui.FakeGatewayClient;
import io.keydeck.ui.TestKeys;
import javafx.scene.control.TableColumn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** A driver's own key attributes (credit limit, budget …) become columns only for that driver. */
class DriverSpecificColumnsTest {
    private KeysWindow window;

    @AfterEach
    void close() throws Exception {
        window.close();
    }

    @Test
    void aDriverWithCreditLimitsShowsThemAsAColumn() throws Exception {
        ApiKey base = TestKeys.active("key_0001", "Router key");
        ApiKey limited = new ApiKey(base.id(), base.name(), base.prefix(), base.lastFour(), base.environment(),
                base.scopes(), base.createdAt(), base.lastUsedAt(), base.lastUsedIp(), base.expiresAt(), false, null,
                false, Map.of("Credit limit", "$74.50"));
        window = KeysWindow.on(new FakeGatewayClient(List.of(limited)).withAttributeNames("Credit limit"));
        waitUntil(10, () -> window.row("Router key") != null);

        TableColumn<ApiKey, ?> column = onFx(() -> window.table().getColumns().stream()
                .filter(c -> c.getText().equals("Credit limit")).findFirst().orElse(null));
        assertThat(column).as("credit limit column").isNotNull();
        assertThat(onFx(() -> column.getCellData(0))).isEqualTo("$74.50");
    }

    @Test
    void aDriverWithoutExtraAttributesAddsNoColumns() throws Exception {
        window = KeysWindow.on(new FakeGatewayClient(TestKeys.many(2)));
        waitUntil(10, () -> window.row("Service 1") != null);
        assertThat(onFx(() -> window.table().getColumns().stream()
                .filter(c -> c.getStyleClass().contains(DriverAttributeColumns.STYLE_CLASS)).count())).isZero();
    }
}
