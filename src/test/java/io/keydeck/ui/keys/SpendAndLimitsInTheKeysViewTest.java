package io.keydeck.ui.keys;

import io.keydeck.model.Amount;
import io.keydeck.model.ApiKey;
import io.keydeck.model.Capability;
import io.keydeck.model.DailySpend;
import io.keydeck.model.KeyAccount;
import io.keydeck.model.KeyEnvironment;
import io.keydeck.model.KeyOwner;
import io.keydeck.model.LimitReset;
import io.keydeck.model.OwnerKind;
import io.keydeck.model.SpendLimit;
import io.keydeck.model.SpendPeriod;
import io.keydeck.ui.FakeGatewayClient;
import io.keydeck.ui.TestKeys;
import javafx.css.PseudoClass;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.shape.Polyline;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 21 item 3: owner, spend and limit columns, shown only where the gateway reports them. */
class SpendAndLimitsInTheKeysViewTest {
    private KeysWindow window;

    @AfterEach
    void close() throws Exception {
        if (window != null) {
            window.close();
        }
    }

    private static ApiKey key(String id, String name) {
        return TestKeys.key(id, name, KeyEnvironment.LIVE, List.of("chat"), Duration.ofDays(40), null, null, false, false);
    }

    private static KeyAccount account(double spent, Double limit) {
        KeyAccount.Builder builder = KeyAccount.builder().spend(SpendPeriod.MONTH, Amount.usd(spent))
                .owner(new KeyOwner(OwnerKind.TEAM, "team_1", "Platform")).limitsReported();
        if (limit != null) {
            builder.limit(new SpendLimit(Amount.usd(limit), LimitReset.MONTHLY));
        }
        return builder.build();
    }

    private TableCell<?, ?> cell(String columnId, String name) throws Exception {
        return onFx(() -> window.robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableColumn() != null && columnId.equals(c.getTableColumn().getId())
                        && c.getTableRow() != null && c.getTableRow().getItem() instanceof ApiKey k
                        && k.name().equals(name))
                .findFirst().orElse(null));
    }

    private String shownText(String columnId, String name) throws Exception {
        TableCell<?, ?> cell = cell(columnId, name);
        if (cell != null && cell.lookup(".label") instanceof javafx.scene.control.Label label) {
            return onFx(label::getText);
        }
        return cell == null ? null : onFx(() -> cell.lookupAll(".text").stream().filter(Text.class::isInstance)
                .map(t -> ((Text) t).getText()).filter(t -> !t.isEmpty()).findFirst().orElse(cell.getText()));
    }

    private boolean visible(String columnId) throws Exception {
        return onFx(() -> window.robot.lookup(".keys-table").queryAs(TableView.class).getColumns().stream()
                .anyMatch(c -> columnId.equals(((TableColumn<?, ?>) c).getId()) && ((TableColumn<?, ?>) c).isVisible()));
    }

    @Test
    void aKeyNearItsLimitShowsAWarningBarAndAKeyWithoutALimitSaysNone() throws Exception {
        ApiKey near = key("key_0001", "Near").withAccount(account(46, 50.0));
        ApiKey calm = key("key_0002", "Calm").withAccount(account(5, 50.0));
        ApiKey open = key("key_0003", "Open").withAccount(account(1, null));
        window = KeysWindow.on(new FakeGatewayClient(List.of(near, calm, open)).withCapabilities(Capability.values()));
        waitUntil(10, () -> visible("limitColumn") && shownText("limitColumn", "Near") != null);
        onFx(() -> window.robot.lookup(".keys-table").queryAs(TableView.class).scrollToColumnIndex(
                window.robot.lookup(".keys-table").queryAs(TableView.class).getColumns().size() - 1));
        waitUntil(10, () -> shownText("limitColumn", "Near") != null && shownText("ownerColumn", "Near") != null);

        assertThat(shownText("limitColumn", "Near")).startsWith("92 % of $50.00 a month");
        assertThat(shownText("limitColumn", "Calm")).startsWith("10 % of $50.00 a month");
        assertThat(shownText("limitColumn", "Open")).isEqualTo("none");
        assertThat(shownText("spendColumn", "Near")).isEqualTo("$46.00/mo");
        assertThat(onFx(() -> cell("spendColumn", "Near").getAccessibleHelp())).isEqualTo("$46.00 this month");
        assertThat(shownText("ownerColumn", "Near")).contains("Platform");
        assertThat(onFx(() -> bar("Near").getPseudoClassStates())).contains(PseudoClass.getPseudoClass("near"));
        assertThat(onFx(() -> bar("Calm").getPseudoClassStates())).doesNotContain(PseudoClass.getPseudoClass("near"));
        assertThat(onFx(() -> bar("Near").getProgress())).isBetween(0.91, 0.93);
    }

    @Test
    void theSpendCellDrawsTheLastDaysAsALineWithTheBusiestDayAtTheTop() throws Exception {
        KeyAccount.Builder daily = KeyAccount.builder().spend(SpendPeriod.MONTH, Amount.usd(12.4))
                .owner(new KeyOwner(OwnerKind.TEAM, "team_1", "Platform"));
        double[] days = {0.5, 0.25, 0, 2.0, 1.0, 0.5, 0.5, 1.5};
        for (int i = 0; i < days.length; i++) {
            daily.daily(new DailySpend(LocalDate.of(2026, 11, 28).plusDays(i), Amount.usd(days[i])));
        }
        ApiKey busy = key("key_0001", "Busy").withAccount(daily.build());
        ApiKey flat = key("key_0002", "Flat").withAccount(account(5, 50.0));
        window = KeysWindow.on(new FakeGatewayClient(List.of(busy, flat)).withCapabilities(Capability.values()));
        waitUntil(10, () -> visible("spendColumn") && cell("spendColumn", "Busy") != null
                && cell("spendColumn", "Busy").getGraphic() != null);

        assertThat(shownText("spendColumn", "Busy")).isEqualTo("$12.40/mo");
        Polyline line = onFx(() -> (Polyline) cell("spendColumn", "Busy").lookup(".spend-sparkline"));
        List<Double> points = onFx(() -> List.copyOf(line.getPoints()));
        assertThat(points).hasSize(2 * days.length);
        assertThat(points.get(2 * 3 + 1)).isEqualTo(0.0);                  // $2.00, the busiest day, at the top
        assertThat(points.get(2 * 2 + 1)).isEqualTo(Sparkline.HEIGHT);     // the day without spend at the bottom
        assertThat(points.get(2 * 4 + 1)).isEqualTo(Sparkline.HEIGHT / 2); // half the busiest day, half way
        assertThat(onFx(() -> cell("spendColumn", "Busy").getAccessibleHelp()))
                .startsWith("$12.40 this month").contains("over the last 8 days").contains("at most $2.00 a day");
        assertThat(onFx(() -> cell("spendColumn", "Flat").lookup(".spend-sparkline"))).isNull();
    }

    @Test
    void aGatewayThatReportsNoMoneyKeepsTheTableAsItWas() throws Exception {
        window = KeysWindow.on(new FakeGatewayClient(List.of(key("key_0001", "Plain"))).withCapabilities(Capability.values()));
        waitUntil(10, () -> onFx(() -> window.robot.lookup(".keys-table").queryAs(TableView.class).getItems().size() == 1));
        assertThat(visible("ownerColumn")).isFalse();
        assertThat(visible("spendColumn")).isFalse();
        assertThat(visible("limitColumn")).isFalse();
    }

    private ProgressBar bar(String name) throws Exception {
        return (ProgressBar) cell("limitColumn", name).lookup(".limit-bar");
    }
}
