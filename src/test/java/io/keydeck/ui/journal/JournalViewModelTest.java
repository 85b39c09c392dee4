package io.keydeck.ui.journal;

import io.keydeck.journal.ActionJournal;
import io.keydeck.journal.JournalAction;
import io.keydeck.journal.JournalEntry;
import io.keydeck.model.ApiKey;
import io.keydeck.ui.shell.ActiveConnection;
import io.keydeck.ui.AppServices;
import io.keydeck.session.ConnectionSession;
import io.keydeck.ui.FakeGatewayClient;
import io.keydeck.ui.FxTestSupport;
import io.keydeck.ui.shell.Navigation;
import io.keydeck.ui.TestKeys;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.StatusLine;
import io.keydeck.ui.journal.JournalViewModel.ResultFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** The Journal view's model over a real journal file: order, filters, the chain check and opening a key. */
class JournalViewModelTest {
    private static final ResourceBundle MESSAGES = ResourceBundle.getBundle(AppServices.MESSAGES, Locale.ENGLISH);
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    @TempDir
    Path dir;

    private final BackgroundTasks tasks = BackgroundTasks.pool(2);
    private final StatusLine status = new StatusLine();
    private final Navigation navigation = new Navigation();
    private final ActiveConnection active = new ActiveConnection(ConnectionSession.of("Prod gateway", false,
            new FakeGatewayClient(List.of())));

    @BeforeAll
    static void toolkit() throws Exception {
        FxTestSupport.startToolkit();
    }

    @AfterEach
    void closeTasks() {
        tasks.close();
    }

    private static Clock at(int minutes) {
        return Clock.fixed(T0.plusSeconds(60L * minutes), ZoneOffset.UTC);
    }

    private ActionJournal journalWithFiveEntries() throws Exception {
        ActionJournal journal = ActionJournal.open(dir.resolve("journal.jsonl"));
        ApiKey checkout = TestKeys.active("key_0001", "Checkout");
        ApiKey search = TestKeys.active("key_0002", "Search");
        journal.append(JournalEntry.succeeded(at(0), JournalAction.CREATE, "Prod gateway", checkout, null));
        journal.append(JournalEntry.succeeded(at(1), JournalAction.DISABLE, "Prod gateway", search, null));
        journal.append(JournalEntry.failed(at(2), JournalAction.REVOKE, "Staging", search, null,
                "insufficient_permissions", "req_b0b"));
        journal.append(JournalEntry.succeeded(at(3), JournalAction.REVOKE, "Prod gateway", checkout, "req_0c0"));
        journal.append(JournalEntry.succeeded(at(4), JournalAction.CREATE, "Staging", search, null));
        return journal;
    }

    private JournalViewModel loaded(ActionJournal journal) throws Exception {
        WindowJournal window = new WindowJournal(journal, tasks, status, MESSAGES, at(10));
        JournalViewModel vm = onFx(() -> new JournalViewModel(window, active, tasks, MESSAGES, status, navigation,
                ZoneOffset.UTC));
        onFx(vm::refresh);
        waitUntil(10, () -> !vm.loadingProperty().get() && !vm.entries().isEmpty());
        return vm;
    }

    private static List<String> rows(JournalViewModel vm) throws Exception {
        return onFx(() -> vm.entries().stream().map(e -> e.action().wireName() + " " + e.keyName() + " "
                + e.result()).toList());
    }

    @Test
    void listsEveryEntryNewestFirstWithItsConnections() throws Exception {
        JournalViewModel vm = loaded(journalWithFiveEntries());

        assertThat(rows(vm)).containsExactly("create Search ok", "revoke Checkout ok",
                "revoke Search failed: insufficient_permissions", "disable Search ok", "create Checkout ok");
        assertThat(onFx(() -> vm.time(vm.entries().get(0)))).isEqualTo("2026-11-20 09:04:00");
        assertThat(onFx(() -> List.copyOf(vm.connections()))).containsExactly("Prod gateway", "Staging");
        assertThat(onFx(() -> vm.summaryProperty().get())).startsWith("Showing 5 of 5 entries");
    }

    @Test
    void filtersByActionConnectionResultAndText() throws Exception {
        JournalViewModel vm = loaded(journalWithFiveEntries());

        onFx(() -> vm.actionFilterProperty().set(JournalAction.REVOKE));
        assertThat(rows(vm)).containsExactly("revoke Checkout ok", "revoke Search failed: insufficient_permissions");
        onFx(() -> vm.resultFilterProperty().set(ResultFilter.FAILED));
        assertThat(rows(vm)).containsExactly("revoke Search failed: insufficient_permissions");
        onFx(() -> vm.resultFilterProperty().set(ResultFilter.OK));
        assertThat(rows(vm)).containsExactly("revoke Checkout ok");

        onFx(() -> {
            vm.actionFilterProperty().set(null);
            vm.resultFilterProperty().set(ResultFilter.ALL);
            vm.connectionFilterProperty().set("Staging");
        });
        assertThat(rows(vm)).containsExactly("create Search ok", "revoke Search failed: insufficient_permissions");

        onFx(() -> {
            vm.connectionFilterProperty().set(null);
            vm.searchProperty().set("REQ_0C0");
        });
        assertThat(rows(vm)).containsExactly("revoke Checkout ok");
        onFx(() -> vm.searchProperty().set("\u20260001"));
        assertThat(rows(vm)).containsExactly("revoke Checkout ok", "create Checkout ok");
        assertThat(onFx(() -> vm.summaryProperty().get())).startsWith("Showing 2 of 5 entries");
    }

    @Test
    void verifyReportsAnIntactChainWithItsEntryCount() throws Exception {
        JournalViewModel vm = loaded(journalWithFiveEntries());

        onFx(vm::verify);
        waitUntil(10, () -> vm.verdictProperty().get() != null);

        assertThat(onFx(() -> vm.verdictProperty().get().intact())).isTrue();
        assertThat(onFx(() -> vm.verdictProperty().get().text())).startsWith("Intact: 5 entries")
                .contains("5 signed by this install's key")
                // this test's journal keeps its key in memory only, and the window says so
                .contains("NOT protected against rewriting");
    }

    @Test
    void verifyNamesTheLineSomeoneEdited() throws Exception {
        ActionJournal journal = journalWithFiveEntries();
        List<String> lines = Files.readAllLines(journal.file(), StandardCharsets.UTF_8);
        lines.set(1, lines.get(1).replace("\"Search\"", "\"Searc!\""));
        Files.write(journal.file(), (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        JournalViewModel vm = loaded(journal);

        onFx(vm::verify);
        waitUntil(10, () -> vm.verdictProperty().get() != null);

        assertThat(onFx(() -> vm.verdictProperty().get().intact())).isFalse();
        assertThat(onFx(() -> vm.verdictProperty().get().text())).startsWith("Broken at line 2 (edited)")
                .contains("Line 2 was edited");
    }

    @Test
    void opensAKeyOfTheActiveConnectionAndExplainsAnyOther() throws Exception {
        JournalViewModel vm = loaded(journalWithFiveEntries());
        JournalEntry ownRevoke = onFx(() -> vm.entries().get(1));
        JournalEntry stagingCreate = onFx(() -> vm.entries().get(0));

        assertThat(vm.canOpen(ownRevoke)).isTrue();
        onFx(() -> vm.open(ownRevoke));
        assertThat(onFx(() -> navigation.keyFocusProperty().get().keyId())).isEqualTo("key_0001");

        assertThat(vm.canOpen(stagingCreate)).isFalse();
        onFx(() -> vm.open(stagingCreate));
        assertThat(onFx(() -> navigation.keyFocusProperty().get().keyId())).isEqualTo("key_0001");
        assertThat(onFx(() -> status.textProperty().get())).contains("\u201cStaging\u201d");
    }

    @Test
    void anEntryRecordedInTheWindowShowsUpWithoutARefresh() throws Exception {
        ActionJournal journal = journalWithFiveEntries();
        WindowJournal window = new WindowJournal(journal, tasks, status, MESSAGES, at(10));
        JournalViewModel vm = onFx(() -> new JournalViewModel(window, active, tasks, MESSAGES, status, navigation,
                ZoneOffset.UTC));
        onFx(vm::refresh);
        waitUntil(10, () -> vm.entries().size() == 5);

        window.record(JournalEntry.succeeded(at(10), JournalAction.RENAME, "Prod gateway",
                TestKeys.active("key_0003", "Billing"), null)).get();

        waitUntil(10, () -> vm.entries().size() == 6);
        assertThat(rows(vm).get(0)).isEqualTo("rename Billing ok");
    }

    @Test
    void aJournalThatCannotBeWrittenWarnsInTheStatusLine() throws Exception {
        Path blocker = Files.writeString(dir.resolve("not-a-dir"), "x");
        WindowJournal window = new WindowJournal(ActionJournal.open(blocker.resolve("journal.jsonl")), tasks, status,
                MESSAGES, at(10));

        window.record(JournalEntry.succeeded(at(10), JournalAction.REVOKE, "Prod gateway",
                TestKeys.active("key_0001", "Checkout"), "req_1")).get();

        waitUntil(10, () -> status.textProperty().get().contains("NOT recorded"));
        assertThat(onFx(() -> status.textProperty().get())).contains("revoke", "Checkout");
    }
}
