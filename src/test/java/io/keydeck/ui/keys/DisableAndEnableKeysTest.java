package io.keydeck.ui.keys;

import io.keydeck.journal.ActionJournal;
import io.keydeck.journal.JournalEntry;
import io.keydeck.model.ApiKey;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The toolbar's Disable button says what it will do to the selection as it is now (Enable on a disabled
 * key, "Disable 2 of 3" on a mixed one) and does exactly that, journaled with the gateway's request ids.
 */
class DisableAndEnableKeysTest {
    @TempDir
    Path dir;

    private KeysWindow window;

    @AfterEach
    void close() throws Exception {
        if (window != null) {
            window.close();
        }
    }

    private String disableButtonText() throws Exception {
        return onFx(() -> window.robot.lookup("#disableButton").queryAs(Button.class).getText());
    }

    private List<JournalEntry> entries(ActionJournal journal, int count) throws Exception {
        waitUntil(10, () -> journal.read().size() >= count);
        return journal.read();
    }

    private void loadIssued(String... names) throws Exception {
        for (String name : names) {
            window.sandbox().issueInferenceKey(name);
        }
        window.robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        for (String name : names) {
            waitUntil(10, () -> window.row(name) != null);
        }
    }

    @Test
    void aDisabledKeyOffersEnableAndPressingItEnablesTheKey() throws Exception {
        ActionJournal journal = ActionJournal.open(dir.resolve("journal.jsonl"));
        window = KeysWindow.onSandbox(journal);
        loadIssued("Billing exporter");
        window.select(window.row("Billing exporter"));
        assertThat(disableButtonText()).isEqualTo("_Disable");

        window.press("#disableButton");
        waitUntil(10, () -> window.row("Billing exporter").disabled());
        waitUntil(5, () -> disableButtonText().equals("_Enable"));

        window.press("#disableButton");
        waitUntil(10, () -> !window.row("Billing exporter").disabled());
        waitUntil(5, () -> disableButtonText().equals("_Disable"));

        assertThat(entries(journal, 2)).extracting(e -> e.action() + " " + e.keyName() + " " + e.result())
                .containsExactly("DISABLE Billing exporter ok", "ENABLE Billing exporter ok");
    }

    @Test
    void aMixedSelectionSaysItDisablesTheActiveKeysAndLeavesTheDisabledOneDisabled() throws Exception {
        ActionJournal journal = ActionJournal.open(dir.resolve("journal.jsonl"));
        window = KeysWindow.onSandbox(journal);
        loadIssued("Mixed one", "Mixed two", "Mixed three");
        window.select(window.row("Mixed two"));
        window.press("#disableButton");
        waitUntil(10, () -> window.row("Mixed two").disabled());

        window.select(window.row("Mixed one"), window.row("Mixed two"), window.row("Mixed three"));
        waitUntil(5, () -> disableButtonText().equals("_Disable 2 of 3"));
        assertThat(onFx(() -> window.robot.lookup("#selectedCount").queryAs(Label.class).getText()))
                .isEqualTo("3 selected");
        window.press("#disableButton");
        waitUntil(5, () -> window.robot.lookup("#confirmDisableButton").tryQuery().isPresent());
        List<String> shown = KeysWindow.textOfAllWindows();
        assertThat(shown).contains("Disable these 2 keys?");
        assertThat(shown).anyMatch(t -> t != null && t.startsWith("Mixed one "));
        assertThat(shown).anyMatch(t -> t != null && t.startsWith("Mixed three "));
        assertThat(shown).noneMatch(t -> t != null && t.startsWith("Mixed two "));
        assertThat(shown).anyMatch(t -> t != null && t.contains("1 selected key is already disabled and stays so."));
        assertThat(onFx(() -> window.robot.lookup("#confirmDisableButton").queryAs(Button.class).isDefaultButton()))
                .as("Enter never changes keys").isFalse();
        assertThat(onFx(() -> window.robot.lookup("#closeDisableButton").queryAs(Button.class).isDefaultButton()))
                .isTrue();

        window.press("#confirmDisableButton");
        waitUntil(10, () -> KeysWindow.textOfAllWindows().contains("2 of 2 keys disabled."));
        assertThat(KeysWindow.textOfAllWindows()).filteredOn(t -> t != null && t.startsWith("Mixed "))
                .anyMatch(t -> t.startsWith("Mixed one (") && t.contains("disabled (request id req_"))
                .anyMatch(t -> t.startsWith("Mixed three (") && t.contains("disabled (request id req_"));
        window.press("#closeDisableButton");
        waitUntil(10, () -> window.row("Mixed one").disabled() && window.row("Mixed three").disabled());
        assertThat(window.row("Mixed two").disabled()).as("never silently re-enabled").isTrue();

        window.select(window.row("Mixed one"), window.row("Mixed two"), window.row("Mixed three"));
        waitUntil(5, () -> disableButtonText().equals("_Enable 3"));
        window.press("#disableButton");
        waitUntil(5, () -> KeysWindow.textOfAllWindows().contains("Enable these 3 keys?"));
        window.press("#confirmDisableButton");
        waitUntil(10, () -> KeysWindow.textOfAllWindows().contains("3 of 3 keys enabled."));
        window.press("#closeDisableButton");
        waitUntil(10, () -> onFx(() -> window.table().getItems().stream()
                .filter(k -> k.name().startsWith("Mixed ")).noneMatch(ApiKey::disabled)));

        List<JournalEntry> entries = entries(journal, 6);
        List<String> lines = entries.stream().map(e -> e.action() + " " + e.keyName() + " " + e.result()).toList();
        assertThat(lines.get(0)).isEqualTo("DISABLE Mixed two ok");
        assertThat(lines.subList(1, 3)).containsExactlyInAnyOrder("DISABLE Mixed one ok", "DISABLE Mixed three ok");
        assertThat(lines.subList(3, 6)).containsExactlyInAnyOrder("ENABLE Mixed one ok", "ENABLE Mixed two ok",
                "ENABLE Mixed three ok");
        assertThat(entries).allSatisfy(e -> assertThat(e.requestId()).startsWith("req_"));
        assertThat(entries.stream().map(JournalEntry::requestId).distinct()).hasSize(6);
    }
}
