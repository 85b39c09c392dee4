package io.keydeck.ui.keys;

import io.keydeck.journal.ActionJournal;
import io.keydeck.journal.JournalAction;
import io.keydeck.journal.JournalEntry;
import io.keydeck.model.ApiKey;
import io.keydeck.model.Capability;
import io.keydeck.model.KeyEnvironment;
import io.keydeck.ui.FakeGatewayClient;
import io.keydeck.ui.SceneShots;
import io.keydeck.ui.TestKeys;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import io.keydeck.model.KeyUpdate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21 item 3 end to end against the sandbox: Edit scopes/models on two keys at once asks naming both
 * (Cancel the default), warns about an admin scope as the Create dialog does, sends the scopes and models,
 * the rows show them, each key's answer comes with its request id, and the journal has one SET_SCOPES entry
 * per key. A gateway that cannot change scopes offers the command greyed out.
 */
class EditScopesInTheWindowTest {
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
    void scopesAndModelsSetOnTwoKeysReachTheGatewayTheRowsAndTheJournal() throws Exception {
        ActionJournal journal = ActionJournal.open(dir.resolve("journal.jsonl"));
        window = KeysWindow.onSandbox(journal);
        window.selectNewKeys("Scoped one", "Scoped two");

        window.openFromContextMenu("editScopesItem", "#allowedModelsField");
        assertThat(KeysWindow.textOfAllWindows()).anyMatch(t -> t != null
                && t.startsWith("Change the scopes and allowed models of these 2 keys?")
                && t.contains("Scoped one") && t.contains("Scoped two"));
        assertThat(onFx(() -> window.robot.lookup("#changeScopesButton").queryAs(Button.class).isDefaultButton()))
                .isFalse();
        assertThat(onFx(() -> scope("chat:write").isSelected())).isTrue();

        onFx(() -> scope("chat:write").setSelected(false));
        waitUntil(5, () -> window.robot.lookup("#changeScopesButton").queryAs(Button.class).isDisabled());
        assertThat(KeysWindow.textOfAllWindows()).contains("Tick at least one scope; a key without scopes can do nothing.");
        onFx(() -> scope("keys:manage").setSelected(true));
        waitUntil(5, () -> KeysWindow.textOfAllWindows().stream().anyMatch(t -> t != null
                && t.startsWith("keys:manage lets anyone holding this key administer the gateway.")));
        SceneShots.inBothThemes(KeysWindow.dialogWindow().getScene(), "edit-scopes-dialog");
        onFx(() -> scope("keys:manage").setSelected(false));
        onFx(() -> scope("chat:write").setSelected(true));
        onFx(() -> scope("embeddings:write").setSelected(true));
        window.typeInto("#allowedModelsField", "gpt-4o-mini, multiroute/auto");
        assertThat(onFx(() -> window.robot.lookup("#onlyModelsChoice").queryAs(RadioButton.class).isSelected()))
                .as("typing models chooses 'only these'").isTrue();
        assertThat(changes().lines()).hasSize(2).allMatch(l -> l.contains(
                "scopes chat:write \u2192 chat:write, embeddings:write; models all models \u2192 gpt-4o-mini, multiroute/auto"));
        window.press("#changeScopesButton");

        waitUntil(15, () -> window.robot.lookup("#scopesReport").tryQuery().isPresent());
        String report = onFx(() -> window.robot.lookup("#scopesReport").queryAs(DialogPane.class).getContentText());
        assertThat(report.lines()).hasSize(2).allMatch(l -> l.contains(
                "scopes now chat:write, embeddings:write; models: gpt-4o-mini, multiroute/auto (request req_"));
        for (String name : List.of("Scoped one", "Scoped two")) {
            waitUntil(10, () -> window.row(name).scopes().contains("embeddings:write"));
            ApiKey row = window.row(name);
            assertThat(row.scopes()).containsExactly("chat:write", "embeddings:write");
            assertThat(row.account().allowedModels()).containsExactly("gpt-4o-mini", "multiroute/auto");
        }
        waitUntil(10, () -> journal.read().size() >= 2);
        List<JournalEntry> entries = journal.read();
        assertThat(entries).extracting(JournalEntry::action).containsOnly(JournalAction.SET_SCOPES);
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.result()).isEqualTo("ok");
            assertThat(e.requestId()).startsWith("req_");
        });
    }

    @Test
    void allModelsIsAnExplicitChoiceForKeysWithDifferentModelLists() throws Exception {
        window = KeysWindow.onSandbox();
        window.selectNewKeys("Models one", "Models two");
        window.client().updateKey(window.row("Models one").id(), new KeyUpdate(null, null, null, null, null,
                List.of("gpt-4o-mini")));
        window.client().updateKey(window.row("Models two").id(), new KeyUpdate(null, null, null, null, null,
                List.of("multiroute/auto")));
        window.robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        waitUntil(10, () -> !window.row("Models one").account().allowedModels().isEmpty()
                && !window.row("Models two").account().allowedModels().isEmpty());
        window.select(window.row("Models one"), window.row("Models two"));

        window.openFromContextMenu("editScopesItem", "#allowedModelsField");
        assertThat(onFx(() -> radio("#keepModelsChoice").isSelected())).as("keeping is where it starts").isTrue();
        assertThat(onFx(() -> window.robot.lookup("#allowedModelsField").queryAs(TextField.class).getText())).isEmpty();
        assertThat(changes().lines()).hasSize(2).allMatch(l -> l.endsWith(": unchanged"));
        assertThat(onFx(() -> window.robot.lookup("#changeScopesButton").queryAs(Button.class).isDefaultButton()))
                .isFalse();

        onFx(() -> radio("#onlyModelsChoice").setSelected(true));
        waitUntil(5, () -> window.robot.lookup("#changeScopesButton").queryAs(Button.class).isDisabled());
        assertThat(KeysWindow.textOfAllWindows()).contains(
                "Type at least one model for \u201conly these\u201d, or choose all models.");

        onFx(() -> radio("#allModelsChoice").setSelected(true));
        waitUntil(5, () -> !window.robot.lookup("#changeScopesButton").queryAs(Button.class).isDisabled());
        assertThat(changes().lines()).hasSize(2).anySatisfy(l -> assertThat(l).startsWith("\u201cModels one\u201d")
                .endsWith(": models gpt-4o-mini \u2192 all models")).anySatisfy(l -> assertThat(l)
                .startsWith("\u201cModels two\u201d").endsWith(": models multiroute/auto \u2192 all models"));
        SceneShots.inBothThemes(KeysWindow.dialogWindow().getScene(), "edit-scopes-all-models");
        window.press("#changeScopesButton");

        waitUntil(15, () -> window.robot.lookup("#scopesReport").tryQuery().isPresent());
        String report = onFx(() -> window.robot.lookup("#scopesReport").queryAs(DialogPane.class).getContentText());
        assertThat(report.lines()).hasSize(2).allMatch(l -> l.contains("; models: all models (request req_"));
        for (String name : List.of("Models one", "Models two")) {
            waitUntil(10, () -> window.row(name).account().allowedModels().isEmpty());
            assertThat(window.row(name).scopes()).containsExactly("chat:write");
        }
    }

    @Test
    void aGatewayThatCannotChangeScopesGreysTheCommandOut() throws Exception {
        ApiKey key = TestKeys.key("key_0001", "Fixed", KeyEnvironment.LIVE, List.of("chat:write"), Duration.ofDays(3),
                null, null, false, false);
        EnumSet<Capability> all = EnumSet.allOf(Capability.class);
        all.remove(Capability.EDIT_SCOPES);
        window = KeysWindow.on(new FakeGatewayClient(List.of(key)).withCapabilities(all.toArray(Capability[]::new)));
        window.select(window.row("Fixed"));
        assertThat(onFx(window.contextItem("editScopesItem")::isDisable)).isTrue();
        assertThat(onFx(window.contextItem("editLimitsItem")::isDisable)).isFalse();
    }

    private String changes() throws Exception {
        return onFx(() -> window.robot.lookup("#scopesChanges").queryAs(Label.class).getText());
    }

    private RadioButton radio(String query) {
        return window.robot.lookup(query).queryAs(RadioButton.class);
    }

    private CheckBox scope(String name) {
        return window.robot.lookup(".scope-choice").queryAllAs(CheckBox.class).stream()
                .filter(c -> c.getText().equals(name)).findFirst().orElseThrow();
    }
}
