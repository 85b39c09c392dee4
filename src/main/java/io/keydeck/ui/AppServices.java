package io.keydeck.ui;

import io.keydeck.ui.shell.WindowNotices;
import io.keydeck.ui.shell.Navigation;
import io.keydeck.ui.shell.ActiveConnection;
import io.keydeck.session.ConnectionSession;
import io.keydeck.session.GatewayOpener;
import io.keydeck.journal.ActionJournal;
import io.keydeck.sandbox.SandboxOptions;
import io.keydeck.settings.SettingsStore;
import io.keydeck.ui.shell.ConsoleAuthFailures;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.StatusLine;
import io.keydeck.ui.common.StatusLineWaits;
import io.keydeck.ui.connections.Connections;
import io.keydeck.vault.VaultSelection;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The app-wide objects controllers are built from, made once at start-up. Passed to the controller
 * registry instead of living in static singletons, so a test can build the window around a fake.
 *
 * @param connections         the live list of sessions the sidebar shows (the same list as
 *                            {@code savedConnections.sessions()}; not copied, so views see additions)
 * @param savedConnections    adds, edits, removes and saves connections; holds the window's banners
 * @param consoleAuthFailures this console's own 401/403 answers, shown in the auth log
 * @param journal             where the window's admin actions are recorded (the data dir's journal)
 */
public record AppServices(BackgroundTasks tasks, List<ConnectionSession> connections, ActiveConnection active,
                          ResourceBundle messages, Clock clock, StatusLine status,
                          Navigation navigation, Connections savedConnections,
                          ConsoleAuthFailures consoleAuthFailures, ActionJournal journal) {

    public static final String MESSAGES = "io.keydeck.ui.messages";

    public AppServices {
        tasks.reportWaitsTo(new StatusLineWaits(status, messages)); // a wait before a retry is never silent
    }

    /**
     * Services around fixed {@code connections} that are never saved, the first one active (tests, previews).
     * Actions are journaled to a file in the temp directory, never to the user's own journal.
     */
    public static AppServices of(BackgroundTasks tasks, List<ConnectionSession> connections, Clock clock) {
        ResourceBundle messages = ResourceBundle.getBundle(MESSAGES);
        ActiveConnection active = new ActiveConnection(connections.isEmpty() ? null : connections.get(0));
        Connections saved = Connections.of(connections, tasks, messages, clock, active, new WindowNotices());
        return new AppServices(tasks, saved.sessions(), active, messages, clock, new StatusLine(), new Navigation(),
                saved, new ConsoleAuthFailures(clock), ActionJournal.open(Path.of(System.getProperty("java.io.tmpdir"),
                "keydeck-journal-" + UUID.randomUUID() + ".jsonl")));
    }

    /**
     * The running app's services: settings from {@code store} (first start adds the demo connection),
     * tokens from the vault {@code vault} completes with (chosen in the background, as the keychain may
     * take seconds to answer), the demo connection served by an embedded sandbox started with
     * {@code sandbox}. Blocks only to read the settings file.
     */
    public static AppServices start(BackgroundTasks tasks, SettingsStore store,
                                    CompletableFuture<VaultSelection> vault, SandboxOptions sandbox, Clock clock) {
        return start(tasks, store, vault, sandbox, clock, tasks.executor());
    }

    /** As above, with the connections opened on {@code opening} (the app's waits for the first frame). */
    public static AppServices start(BackgroundTasks tasks, SettingsStore store,
                                    CompletableFuture<VaultSelection> vault, SandboxOptions sandbox, Clock clock,
                                    Executor opening) {
        ResourceBundle messages = ResourceBundle.getBundle(MESSAGES);
        ActiveConnection active = new ActiveConnection(null);
        Connections saved = Connections.start(store, vault, tasks, opening, messages, clock, sandbox, active,
                new WindowNotices());
        // the journal's key and anchor go where tokens go; appends and checks run off the FX thread
        ActionJournal journal = ActionJournal.inDataDir(GatewayOpener.journalKeyring(() -> vault.join().vault()));
        // bad settings turn forwarding off; the Journal view's forwarding line says why, and its form changes it
        journal = journal.withChangeableForwarding(saved.journalForwarding());
        return new AppServices(tasks, saved.sessions(), active, messages, clock, new StatusLine(), new Navigation(),
                saved, new ConsoleAuthFailures(clock), journal);
    }

    /** These services with the window's actions journaled to {@code other} instead. */
    public AppServices withJournal(ActionJournal other) {
        return new AppServices(tasks, connections, active, messages, clock, status, navigation, savedConnections,
                consoleAuthFailures, other);
    }

    /** The banners across the top of the window. */
    public WindowNotices notices() {
        return savedConnections.notices();
    }
}
