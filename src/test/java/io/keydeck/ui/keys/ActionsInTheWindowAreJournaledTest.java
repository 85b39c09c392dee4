package io.keydeck.ui.keys;

import io.keydeck.gateway.GatewayException;
import io.keydeck.journal.ActionJournal;
import io.keydeck.journal.JournalAction;
import io.keydeck.journal.JournalEntry;
import io.keydeck.model.ApiKey;
import io.keydeck.model.Capability;
import io.keydeck.model.KeyEnvironment;
import io.keydeck.sandbox.IssuedKey;
import io.keydeck.ui.FakeGatewayClient;
import io.keydeck.ui.TestKeys;
import javafx.scene.control.CheckBox;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** Admin actions taken in the window land in the action journal, with the gateway's request id and never a secret. */
class ActionsInTheWindowAreJournaledTest {
    @TempDir
    Path dir;

    private KeysWindow window;

    @AfterEach
    void close() throws Exception {
        if (window != null) {
            window.close();
        }
    }

    private ActionJournal journal() {
        return ActionJournal.open(dir.resolve("journal.jsonl"));
    }

    private List<JournalEntry> entriesOnceThereAre(ActionJournal journal, int count) throws Exception {
        waitUntil(10, () -> journal.read().size() >= count);
        return journal.read();
    }

    @Test
    void aRevokeOnTheSandboxIsJournaledWithTheGatewaysRequestId() throws Exception {
        ActionJournal journal = journal();
        window = KeysWindow.onSandbox(journal);
        IssuedKey issued = window.sandbox().issueInferenceKey("Billing exporter");
        var robot = window.robot;
        window.showRevoked();
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        waitUntil(10, () -> window.row("Billing exporter") != null);
        ApiKey key = window.row("Billing exporter");
        window.select(key);
        robot.clickOn("#revokeButton");
        waitUntil(5, () -> robot.lookup("#confirmRevokeButton").tryQuery().isPresent());
        robot.clickOn("#revokeConfirmField").write("Billing exporter");
        robot.clickOn("#confirmRevokeButton");
        waitUntil(10, () -> window.row("Billing exporter").revoked());
        String shown = KeysWindow.textOfAllWindows().stream()
                .filter(t -> t != null && t.startsWith("Billing exporter (") && t.contains("request id req_"))
                .findFirst().orElseThrow();
        robot.clickOn("#closeRevokeButton");

        JournalEntry entry = entriesOnceThereAre(journal, 1).get(0);
        assertThat(entry.action()).isEqualTo(JournalAction.REVOKE);
        assertThat(entry.keyId()).isEqualTo(key.id());
        assertThat(entry.keyName()).isEqualTo("Billing exporter");
        assertThat(entry.keyHint()).isEqualTo(issued.hint());
        assertThat(entry.connection()).isEqualTo("Sandbox (local demo)");
        assertThat(entry.result()).isEqualTo("ok");
        assertThat(entry.requestId()).startsWith("req_");
        assertThat(shown).contains("request id " + entry.requestId());

        robot.clickOn("Journal");
        waitUntil(10, () -> robot.lookup(".journal-table .hyperlink").tryQuery().isPresent());
        robot.clickOn("#verifyButton");
        waitUntil(10, () -> KeysWindow.textOfAllWindows().stream().anyMatch(t -> t != null
                && t.startsWith("Intact: 1 entry,")));
        robot.clickOn(".journal-table .hyperlink");
        waitUntil(10, () -> window.table() != null && window.table().isVisible()
                && window.table().getSelectionModel().getSelectedItem() != null
                && window.table().getSelectionModel().getSelectedItem().id().equals(key.id()));
    }

    @Test
    void aRenameAndADisableOnTheSandboxAreJournaledWithTheGatewaysRequestIds() throws Exception {
        ActionJournal journal = journal();
        window = KeysWindow.onSandbox(journal);
        IssuedKey issued = window.sandbox().issueInferenceKey("Billing exporter");
        var robot = window.robot;
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        waitUntil(10, () -> window.row("Billing exporter") != null);
        window.select(window.row("Billing exporter"));
        robot.clickOn("#renameButton");
        waitUntil(5, () -> robot.lookup("#renameField").tryQuery().isPresent());
        javafx.scene.control.TextField field = robot.lookup("#renameField").queryAs(javafx.scene.control.TextField.class);
        onFx((Runnable) field::clear);
        robot.clickOn(field).write("Billing exporter v2");
        robot.clickOn("#renameOkButton");
        waitUntil(10, () -> window.row("Billing exporter v2") != null);
        window.select(window.row("Billing exporter v2"));
        robot.clickOn("#disableButton");

        List<JournalEntry> entries = entriesOnceThereAre(journal, 2);

        assertThat(entries).extracting(JournalEntry::action).containsExactly(JournalAction.RENAME, JournalAction.DISABLE);
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.keyId()).isEqualTo(issued.id());
            assertThat(e.result()).isEqualTo("ok");
            assertThat(e.requestId()).as("the gateway's X-Request-ID").startsWith("req_");
        });
        assertThat(entries.get(0).requestId()).isNotEqualTo(entries.get(1).requestId());
    }

    @Test
    void aCreateIsJournaledAndTheFileNeverHoldsTheSecret() throws Exception {
        ActionJournal journal = journal();
        window = KeysWindow.onSandbox(journal);
        var robot = window.robot;
        robot.clickOn("#newKeyButton");
        robot.clickOn("#keyNameField").write("Checkout worker");
        robot.clickOn(robot.lookup(".scope-choice").queryAllAs(CheckBox.class).stream()
                .filter(box -> box.getText().equals("chat:write")).findFirst().orElseThrow());
        robot.clickOn("#createKeyButton");
        waitUntil(10, () -> robot.lookup("#storedCheckBox").tryQuery().isPresent());
        String secret = new String(window.client().issued().get(0).secret());
        assertThat(secret).startsWith("mrk_live_");

        JournalEntry entry = entriesOnceThereAre(journal, 1).get(0);
        robot.clickOn("#storedCheckBox");
        robot.clickOn("#closeSecretButton");

        assertThat(entry.action()).isEqualTo(JournalAction.CREATE);
        assertThat(entry.keyName()).isEqualTo("Checkout worker");
        assertThat(entry.keyHint()).isEqualTo(secret.substring(0, 9) + "\u2026" + secret.substring(secret.length() - 4));
        assertThat(entry.result()).isEqualTo("ok");
        assertThat(entry.requestId()).as("the gateway's X-Request-ID of the create").startsWith("req_");
        String file = Files.readString(journal.file(), StandardCharsets.UTF_8);
        assertThat(file).doesNotContain(secret).doesNotContain(secret.substring(9, secret.length() - 4));
    }

    @Test
    void aPartlyFailedRevokeRenameAndDisableAreEachJournaled() throws Exception {
        ApiKey checkout = TestKeys.active("key_0001", "Checkout");
        ApiKey ci = TestKeys.key("key_0002", "CI smoke", KeyEnvironment.TEST, List.of("chat"), Duration.ofDays(3),
                null, null, false, false);
        FakeGatewayClient client = new FakeGatewayClient(List.of(checkout, ci))
                .withCapabilities(Capability.values())
                .failingRevokeOf("key_0002", new GatewayException(GatewayException.Kind.FORBIDDEN, 403,
                        "insufficient_permissions", "The token may not revoke test keys", "req_b0b"));
        ActionJournal journal = journal();
        window = KeysWindow.on(client, journal);
        var robot = window.robot;

        window.select(checkout, ci);
        robot.clickOn("#revokeButton");
        waitUntil(5, () -> robot.lookup("#confirmRevokeButton").tryQuery().isPresent());
        robot.clickOn("#revokeConfirmField").write("revoke 2 keys");
        robot.clickOn("#confirmRevokeButton");
        waitUntil(10, () -> KeysWindow.textOfAllWindows().contains("1 of 2 keys revoked."));
        robot.clickOn("#closeRevokeButton");

        window.select(window.row("CI smoke"));
        robot.clickOn("#renameButton");
        waitUntil(5, () -> robot.lookup("#renameField").tryQuery().isPresent());
        onFx(() -> robot.lookup("#renameField").queryTextInputControl().setText("CI smoke v2"));
        robot.clickOn("#renameOkButton");
        waitUntil(10, () -> window.row("CI smoke v2") != null);
        window.select(window.row("CI smoke v2"));
        robot.clickOn("#disableButton");
        waitUntil(10, () -> window.row("CI smoke v2").disabled());

        List<JournalEntry> entries = entriesOnceThereAre(journal, 4);
        assertThat(entries).extracting(e -> e.action().wireName() + " " + e.keyId() + " " + e.keyName() + " "
                + e.result() + " " + e.requestId()).containsExactly(
                "revoke key_0001 Checkout ok req_fake_key_0001",
                "revoke key_0002 CI smoke failed: insufficient_permissions req_b0b",
                "rename key_0002 CI smoke \u2192 CI smoke v2 ok null",
                "disable key_0002 CI smoke v2 ok null");
        assertThat(entries).allMatch(e -> e.time().isBefore(Instant.now().plusSeconds(1)));
        assertThat(journal.verify().isIntact()).isTrue();
    }

    @Test
    void aRotationIsJournaledAsItHappenedFailedAttemptIncluded() throws Exception {
        ApiKey old = TestKeys.active("key_0777", "Checkout");
        FakeGatewayClient client = new FakeGatewayClient(List.of(old))
                .withCapabilities(Capability.values())
                .failingCreatesWith(new GatewayException(GatewayException.Kind.SERVER, 500, "server_error",
                        "Upstream database unavailable", "req_r0t"));
        ActionJournal journal = journal();
        window = KeysWindow.on(client, journal);
        var robot = window.robot;
        window.select(window.row("Checkout"));
        robot.clickOn("#rotateButton");
        waitUntil(5, () -> robot.lookup("#createReplacementButton").tryQuery().isPresent());
        robot.clickOn("#createReplacementButton");
        waitUntil(10, () -> KeysWindow.textOfAllWindows().stream().anyMatch(t -> t != null
                && t.contains("Upstream database unavailable")));
        robot.clickOn("#createReplacementButton");
        waitUntil(10, () -> robot.lookup("#storedCheckBox").tryQuery().isPresent());
        robot.clickOn("#storedCheckBox");
        robot.clickOn("#closeSecretButton");
        waitUntil(5, () -> robot.lookup("#rotateRevokeOldAlert").tryQuery().isPresent());
        robot.clickOn("#revokeOldNowButton");
        waitUntil(5, () -> robot.lookup("#confirmRevokeButton").tryQuery().isPresent());
        robot.clickOn("#confirmRevokeButton");
        waitUntil(10, () -> client.revokedIds().contains("key_0777"));
        robot.clickOn("#closeRevokeButton");

        List<JournalEntry> entries = entriesOnceThereAre(journal, 4);
        String replacement = entries.get(2).keyName();
        assertThat(replacement).startsWith("Checkout (rotated ");
        assertThat(entries).extracting(e -> e.action().wireName() + " " + e.keyName() + " " + e.result() + " "
                + e.requestId()).containsExactly(
                "rotate Checkout failed: server_error req_r0t",
                "rotate Checkout ok null",
                "create " + replacement + " ok null",
                "revoke Checkout ok req_fake_key_0777");
        assertThat(entries.get(0).keyId()).isEqualTo("key_0777");
        assertThat(entries.get(2).keyId()).isNotEqualTo("key_0777").isNotEmpty();
    }
}
