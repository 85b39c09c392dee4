package io.keydeck.ui.keys;

import io.keydeck.model.ApiKey;
import io.keydeck.model.Capability;
import io.keydeck.model.KeyEnvironment;
import io.keydeck.ui.FakeGatewayClient;
import io.keydeck.ui.TestKeys;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 19 item 9: the small texts of the Keys view read right. */
class KeysViewSmallTextsTest {
    private KeysWindow window;

    @AfterEach
    void close() throws Exception {
        if (window != null) {
            window.close();
        }
    }

    private static ApiKey expiringAt(String id, String name, Instant at) {
        return TestKeys.key(id, name, KeyEnvironment.LIVE, List.of("chat"), Duration.ofDays(40), null,
                Duration.between(TestKeys.NOW, at), false, false);
    }

    /** The text of the rendered cell of {@code column} in the row of the key named {@code name}, or null. */
    private String cellText(String columnId, String name) throws Exception {
        return onFx(() -> window.robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableColumn() != null && columnId.equals(c.getTableColumn().getId())
                        && c.getTableRow() != null && c.getTableRow().getItem() instanceof ApiKey k
                        && k.name().equals(name))
                .map(c -> c.lookupAll(".text").stream().filter(Text.class::isInstance).map(t -> ((Text) t).getText())
                        .findFirst().orElse(c.getText()))
                .findFirst().orElse(null));
    }

    @Test
    void twoKeysExpiringOnTheSameDateReadTheSame() throws Exception {
        ZoneId zone = ZoneId.systemDefault();
        LocalDate date = LocalDate.now(zone).plusDays(5);
        ApiKey early = expiringAt("key_0001", "Early", date.atTime(LocalTime.of(0, 30)).atZone(zone).toInstant());
        ApiKey late = expiringAt("key_0002", "Late", date.atTime(LocalTime.of(23, 30)).atZone(zone).toInstant());
        window = KeysWindow.on(new FakeGatewayClient(List.of(early, late)).withCapabilities(Capability.values()));
        waitUntil(5, () -> cellText("expiresColumn", "Early") != null && cellText("expiresColumn", "Late") != null);

        assertThat(cellText("expiresColumn", "Early")).isEqualTo("in 5 days");
        assertThat(cellText("expiresColumn", "Late")).isEqualTo("in 5 days");
    }

    @Test
    void revokingOneKeySaysKeyRevokedNotOneOfOneKeys() throws Exception {
        ApiKey ci = TestKeys.key("key_0002", "CI smoke", KeyEnvironment.TEST, List.of("chat"), Duration.ofDays(3),
                null, null, false, false);
        window = KeysWindow.on(new FakeGatewayClient(List.of(ci)).withCapabilities(Capability.values()));
        window.select(window.row("CI smoke"));
        window.press("#revokeButton");
        window.press("#confirmRevokeButton");
        waitUntil(10, () -> KeysWindow.textOfAllWindows().contains("Key revoked."));
        assertThat(KeysWindow.textOfAllWindows()).noneMatch(t -> t != null && t.contains("1 of 1"));
        window.press("#closeRevokeButton");
    }

    @Test
    void copyingTheSecretSaysWhenTheClipboardClears() throws Exception {
        window = KeysWindow.onSandbox();
        window.press("#newKeyButton");
        window.typeInto("#keyNameField", "Copy feedback");
        window.press("#createKeyButton");
        window.press("#copySecretButton");
        waitUntil(5, () -> onFx(() -> window.robot.lookup("#copiedFeedback").queryAs(Label.class).getText())
                .equals("Copied \u2014 clears in 1 s"));
        waitUntil(5, () -> onFx(() -> window.robot.lookup("#copiedFeedback").queryAs(Label.class).getText())
                .equals("Clipboard cleared"));
        onFx(() -> window.robot.lookup("#storedCheckBox").queryAs(CheckBox.class).setSelected(true));
        window.press("#closeSecretButton");
    }

    @Test
    void aLongNameIsNotCutWhereTheWindowHasRoom() throws Exception {
        String name = "Nightly billing export worker for the EU region";
        window = KeysWindow.on(new FakeGatewayClient(List.of(TestKeys.active("key_0001", name),
                TestKeys.active("key_0002", "Short"))).withCapabilities(Capability.values()));
        onFx(() -> ((Stage) window.table().getScene().getWindow()).setWidth(1900));
        waitUntil(5, () -> onFx(() -> window.table().getWidth() > 1500));
        waitUntil(5, () -> cellText("nameColumn", name) != null);

        waitUntil(5, () -> cellText("nameColumn", name).equals(name));
    }
}
