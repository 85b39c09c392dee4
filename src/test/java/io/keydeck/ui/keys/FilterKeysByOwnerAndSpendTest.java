package io.keydeck.ui.keys;

import atlantafx.base.theme.Styles;
import io.keydeck.model.Amount;
import io.keydeck.model.ApiKey;
import io.keydeck.model.Capability;
import io.keydeck.model.KeyAccount;
import io.keydeck.model.KeyEnvironment;
import io.keydeck.model.KeyOwner;
import io.keydeck.model.LimitReset;
import io.keydeck.model.OwnerKind;
import io.keydeck.model.SpendLimit;
import io.keydeck.model.SpendPeriod;
import io.keydeck.ui.FakeGatewayClient;
import io.keydeck.ui.SceneShots;
import io.keydeck.ui.TestKeys;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21 item 3: the Keys view filters by owner, by spend above an amount and by "near limit", together
 * with the search text; the filters show only when the gateway reports owners and spend.
 */
class FilterKeysByOwnerAndSpendTest {
    private KeysWindow window;

    @AfterEach
    void close() throws Exception {
        if (window != null) {
            window.close();
        }
    }

    private static ApiKey key(String id, String name, String team, double spent, Double limit) {
        return key(id, name, team, Amount.usd(spent), limit);
    }

    private static ApiKey key(String id, String name, String team, Amount spent, Double limit) {
        KeyAccount.Builder account = KeyAccount.builder().spend(SpendPeriod.MONTH, spent)
                .owner(new KeyOwner(OwnerKind.TEAM, "team_" + team, team)).limitsReported();
        if (limit != null) {
            account.limit(new SpendLimit(Amount.usd(limit), LimitReset.MONTHLY));
        }
        return TestKeys.key(id, name, KeyEnvironment.LIVE, List.of("chat"), Duration.ofDays(40), null, null, false,
                false).withAccount(account.build());
    }

    private List<String> shownNames() throws Exception {
        return onFx(() -> window.table().getItems().stream().map(ApiKey::name).sorted().toList());
    }

    @Test
    void ownerSpendAndNearLimitNarrowTheTableWithTheSearch() throws Exception {
        window = KeysWindow.on(new FakeGatewayClient(List.of(key("key_0001", "Mobile app", "Mobile", 46, 50.0),
                key("key_0002", "Mobile web", "Mobile", 5, 50.0), key("key_0003", "Data export", "Data", 30, null),
                key("key_0004", "Data import", "Data", 1, 10.0))).withCapabilities(Capability.values()));
        waitUntil(10, () -> window.table().getItems().size() == 4);
        ComboBox<String> owner = onFx(() -> window.robot.lookup("#ownerFilter").<ComboBox<String>>query());
        assertThat(onFx(owner::isVisible)).isTrue();
        assertThat(onFx(() -> List.copyOf(owner.getItems()))).containsExactly("", "team Data", "team Mobile");

        onFx(() -> owner.setValue("team Mobile"));
        waitUntil(5, () -> window.table().getItems().size() == 2);
        assertThat(shownNames()).containsExactly("Mobile app", "Mobile web");
        window.typeInto("#searchField", "web");
        waitUntil(5, () -> window.table().getItems().size() == 1);
        assertThat(shownNames()).containsExactly("Mobile web");
        window.typeInto("#searchField", "");
        onFx(() -> window.robot.lookup("#nearLimitFilter").queryAs(ToggleButton.class).setSelected(true));
        waitUntil(5, () -> window.table().getItems().size() == 1);
        assertThat(shownNames()).containsExactly("Mobile app");
        SceneShots.inBothThemes(window.table().getScene(), "keys-filtered-near-limit");

        onFx(() -> window.robot.lookup("#nearLimitFilter").queryAs(ToggleButton.class).setSelected(false));
        onFx(() -> owner.setValue(""));
        window.typeInto("#spendAboveFilter", "20");
        waitUntil(5, () -> window.table().getItems().size() == 2);
        assertThat(shownNames()).containsExactly("Data export", "Mobile app");
        assertThat(onFx(() -> window.robot.lookup("#summaryLabel").queryLabeled().getText())).contains("2 of 4");

        window.typeInto("#spendAboveFilter", "twenty");
        waitUntil(5, () -> window.table().getItems().size() == 4);
        assertThat(onFx(() -> window.robot.lookup("#spendAboveFilter").queryAs(TextField.class)
                .getPseudoClassStates())).contains(Styles.STATE_DANGER);
    }

    @Test
    void spendAboveComparesInOneUnitAndSaysWhichKeysItLeftOut() throws Exception {
        window = KeysWindow.on(new FakeGatewayClient(List.of(key("key_0001", "Dollars high", "Web", 46, null),
                key("key_0002", "Dollars low", "Web", 5, null), key("key_0003", "Dollars mid", "Web", 30, null),
                key("key_0004", "Credits high", "Labs", credits(900), null),
                key("key_0005", "Credits low", "Labs", credits(3), null))).withCapabilities(Capability.values()));
        waitUntil(10, () -> window.table().getItems().size() == 5);
        ComboBox<String> unit = onFx(() -> window.robot.lookup("#spendUnitChoice").<ComboBox<String>>query());
        assertThat(onFx(unit::isVisible)).isTrue();
        assertThat(onFx(() -> List.copyOf(unit.getItems()))).as("commonest unit first").containsExactly("USD", "credits");
        assertThat(onFx(unit::getValue)).isEqualTo("USD");
        Node note = onFx(() -> window.robot.lookup("#spendUnitNote").query());
        assertThat(onFx(note::isVisible)).as("no note before an amount is typed").isFalse();

        window.typeInto("#spendAboveFilter", "20");
        waitUntil(5, () -> window.table().getItems().size() == 2);
        assertThat(shownNames()).as("900 credits are not 900 dollars").containsExactly("Dollars high", "Dollars mid");
        waitUntil(5, note::isVisible);
        assertThat(onFx(() -> ((javafx.scene.control.Label) note).getText()))
                .isEqualTo("Not compared (no exchange rate): 2 keys in credits");
        SceneShots.inBothThemes(window.table().getScene(), "keys-spend-above-in-one-unit");

        onFx(() -> unit.setValue("credits"));
        waitUntil(5, () -> window.table().getItems().size() == 1);
        assertThat(shownNames()).containsExactly("Credits high");
        assertThat(onFx(() -> ((javafx.scene.control.Label) note).getText()))
                .isEqualTo("Not compared (no exchange rate): 3 keys in USD");

        window.typeInto("#spendAboveFilter", "");
        waitUntil(5, () -> window.table().getItems().size() == 5);
        waitUntil(5, () -> !note.isVisible());
    }

    private static Amount credits(double value) {
        return new Amount(java.math.BigDecimal.valueOf(value), Amount.CREDITS);
    }

    @Test
    void aGatewayWithoutOwnersOrSpendShowsNoSuchFilters() throws Exception {
        window = KeysWindow.on(new FakeGatewayClient(List.of(TestKeys.key("key_0001", "Plain", KeyEnvironment.LIVE,
                List.of("chat"), Duration.ofDays(40), null, null, false, false))).withCapabilities(Capability.values()));
        waitUntil(10, () -> window.table().getItems().size() == 1);
        for (String id : List.of("#ownerFilter", "#spendAboveFilter", "#spendUnitChoice", "#nearLimitFilter")) {
            assertThat(onFx(() -> window.robot.lookup(id).query().isVisible())).as(id).isFalse();
        }
    }
}
