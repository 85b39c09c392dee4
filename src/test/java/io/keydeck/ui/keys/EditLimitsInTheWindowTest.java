package io.keydeck.ui.keys;

import io.keydeck.journal.ActionJournal;
import io.keydeck.journal.JournalAction;
import io.keydeck.journal.JournalEntry;
import io.keydeck.model.ApiKey;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21 item 3 end to end against the sandbox: Edit limits on two keys at once asks naming both (Cancel
 * the default), sends the limit, the rows show it, each key's answer comes with its request id, and the
 * journal has one SET_LIMIT entry per key.
 */
class EditLimitsInTheWindowTest {
    @TempDir
    Path dir;
    private KeysWindow window;

    @AfterEach
    void close() throws Exception {
        if (window != null) {
            window.close();
        }
    }

    @Test
    void aLimitSetOnTwoKeysReachesTheGatewayTheRowsAndTheJournal() throws Exception {
        ActionJournal journal = ActionJournal.open(dir.resolve("journal.jsonl"));
        window = KeysWindow.onSandbox(journal);
        window.selectNewKeys("Budget one", "Budget two");

        window.openFromContextMenu("editLimitsItem", "#limitAmountField");
        List<String> shown = KeysWindow.textOfAllWindows();
        assertThat(shown).anyMatch(t -> t != null && t.startsWith("Set the spend limit of these 2 keys?")
                && t.contains("Budget one") && t.contains("Budget two"));
        assertThat(onFx(() -> window.robot.lookup("#setLimitButton").queryAs(Button.class).isDefaultButton())).isFalse();

        window.typeInto("#limitAmountField", "12.345");
        waitUntil(5, () -> KeysWindow.textOfAllWindows().contains("A limit is in whole cents: at most two digits after the point."));
        assertThat(onFx(() -> window.robot.lookup("#setLimitButton").queryAs(Button.class).isDisabled())).isTrue();
        window.typeInto("#limitAmountField", "25");
        window.press("#setLimitButton");

        waitUntil(15, () -> window.robot.lookup("#limitsReport").tryQuery().isPresent());
        String report = onFx(() -> window.robot.lookup("#limitsReport").queryAs(DialogPane.class).getContentText());
        assertThat(report.lines()).hasSize(2).allMatch(l -> l.contains("limit now $25.00 a month (request req_"));
        for (String name : List.of("Budget one", "Budget two")) {
            waitUntil(10, () -> window.row(name).account().limit() != null);
            ApiKey row = window.row(name);
            assertThat(row.account().limit().amount().value()).isEqualByComparingTo(new BigDecimal("25"));
        }
        waitUntil(10, () -> journal.read().size() >= 2);
        List<JournalEntry> entries = journal.read();
        assertThat(entries).extracting(JournalEntry::action).containsOnly(JournalAction.SET_LIMIT);
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.result()).isEqualTo("ok");
            assertThat(e.requestId()).startsWith("req_");
        });
    }
}
