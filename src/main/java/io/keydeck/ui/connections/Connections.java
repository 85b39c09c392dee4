package io.keydeck.ui.connections;

import io.keydeck.sandbox.SandboxOptions;
import io.keydeck.settings.ConnectionProfile;
import io.keydeck.settings.Settings;
import io.keydeck.settings.SettingsLoad;
import io.keydeck.settings.SettingsStore;
import io.keydeck.ui.shell.ActiveConnection;
import io.keydeck.session.ConnectionSession;
import io.keydeck.ui.shell.WindowNotices;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.vault.SessionVault;
import io.keydeck.vault.TokenVault;
import io.keydeck.vault.VaultException;
import io.keydeck.vault.VaultSelection;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The user's connections as the app holds them: the saved profiles, a live session for each, which
 * one is shown, and where their tokens are kept. Every change is saved to {@code settings.json} off the
 * FX thread, and tokens go only into the vault. Its public methods run on the FX thread.
 */
public final class Connections implements AutoCloseable {
    private final CompletableFuture<TokenVault> vault;
    private final BackgroundTasks tasks;
    private final ResourceBundle messages;
    private final ActiveConnection active;
    private final WindowNotices notices;
    private final ConnectionNotices banners;
    private final SavedSettings settings;
    private final TokenQuestions questions = new TokenQuestions();
    private final SessionOpener opener;
    private final ObservableList<ConnectionSession> sessions = FXCollections.observableArrayList();
    private final SessionWatch sessionWatch;

    private Connections(SettingsStore store, Settings settings, CompletableFuture<TokenVault> vault,
                        BackgroundTasks tasks, Executor opening, ResourceBundle messages, Clock clock,
                        SandboxOptions sandbox, ActiveConnection active, WindowNotices notices) {
        this.vault = vault;
        this.tasks = tasks;
        this.messages = messages;
        this.active = active;
        this.notices = notices;
        this.banners = new ConnectionNotices(notices, messages, clock);
        this.settings = new SavedSettings(store, settings, tasks.executor(), banners);
        this.opener = new SessionOpener(vault, questions::ask, this::tokenNotStored, opening, messages,
                sandbox, () -> this.settings.current().preferences().gatewayDeadlineSeconds());
        this.sessionWatch = new SessionWatch(sessions, banners, questions, opener, messages, this::replace);
    }

    /**
     * Loads the settings (first start adds the demo connection), opens a session for every saved
     * connection and selects the one shown last time. The vault may still be opening; sessions that
     * need it wait for it in the background. Connections open on {@code opening}, which may hold them
     * until the window's first frame. Blocks only for reading {@code settings.json}.
     */
    public static Connections start(SettingsStore store, CompletableFuture<VaultSelection> vaultSelection,
                                    BackgroundTasks tasks, Executor opening, ResourceBundle messages, Clock clock,
                                    SandboxOptions sandbox, ActiveConnection active, WindowNotices notices) {
        SettingsLoad load = store.loadAtStartup();
        CompletableFuture<TokenVault> vault = vaultSelection.thenApply(VaultSelection::vault);
        Connections connections = new Connections(store, load.settings(), vault, tasks, opening, messages, clock,
                sandbox, active, notices);
        load.warning().ifPresent(warning -> fx(() -> connections.banners.settingsReset(warning)));
        vaultSelection.thenAccept(selection -> selection.notice().ifPresent(notice ->
                fx(() -> connections.banners.sessionOnlyVault(notice))));
        for (ConnectionProfile profile : load.settings().connections()) {
            connections.sessions.add(connections.sessionWatch.watch(connections.opener.open(profile, null)));
        }
        String selected = load.settings().preferences().selectedConnectionId();
        active.sessionProperty().set(connections.sessions.stream()
                .filter(s -> s.profile().map(p -> p.id().equals(selected)).orElse(false))
                .findFirst().orElse(connections.sessions.isEmpty() ? null : connections.sessions.get(0)));
        connections.settings.watch((before, after) -> connections.showSavedConnections(after));
        return connections;
    }

    /** Fixed sessions that are never saved (previews and tests of single views). */
    public static Connections of(List<ConnectionSession> sessions, BackgroundTasks tasks, ResourceBundle messages,
                                 Clock clock, ActiveConnection active, WindowNotices notices) {
        Connections connections = new Connections(null, Settings.DEFAULTS,
                CompletableFuture.completedFuture(new SessionVault()), tasks, tasks.executor(), messages, clock,
                SandboxOptions.defaults(), active, notices);
        connections.sessions.setAll(sessions);
        return connections;
    }

    /** The live list the sidebar shows, in the user's order. */
    public ObservableList<ConnectionSession> sessions() {
        return sessions;
    }

    public ActiveConnection active() {
        return active;
    }

    public WindowNotices notices() {
        return notices;
    }

    /** The saved profiles, for the connection form's unique-name rule. */
    public List<ConnectionProfile> profiles() {
        return settings.current().connections();
    }

    /** Where tokens are kept, e.g. "Secret Service keyring (GNOME Keyring or compatible)". */
    public String vaultDescription() {
        return vault.isDone() && !vault.isCompletedExceptionally() ? vault.join().description()
                : messages.getString("vault.pending");
    }

    /** Reads a saved token for "Test connection" of an existing connection; blocks, background only. */
    public Optional<char[]> storedToken(String connectionId) {
        return vault.join().read(connectionId);
    }

    /** The dialog that asks for tokens; the first one set wins, so tests can script it. */
    public void useTokenPromptIfNone(TokenPrompt tokenPrompt) {
        questions.useIfNone(tokenPrompt);
    }

    /** Saves a new connection, puts its token into the vault only, opens and selects it. */
    public ConnectionSession add(ConnectionProfile profile, char[] token) {
        settings.change(s -> s.withConnection(profile));
        if (!profile.demo()) {
            opener.store(profile, token.clone());
        }
        ConnectionSession session = sessionWatch.watch(opener.open(profile, token));
        sessions.add(session);
        select(session);
        return session;
    }

    /**
     * Saves changes to a connection and reopens it; {@code newToken} replaces the stored token, null
     * keeps it.
     */
    public ConnectionSession update(ConnectionSession old, ConnectionProfile profile, char[] newToken) {
        settings.change(s -> s.withConnection(profile));
        if (newToken != null && !profile.demo()) {
            opener.store(profile, newToken.clone());
        }
        return replace(old, opener.open(profile, newToken));
    }

    /** Forgets a connection: its profile, its token in the vault and its notices. */
    public void remove(ConnectionSession session) {
        int index = sessions.indexOf(session);
        if (index < 0) {
            return;
        }
        sessions.remove(index);
        session.profile().ifPresent(profile -> {
            settings.change(s -> s.withoutConnection(profile.id()));
            banners.forget(session);
            if (!profile.demo()) {
                vault.thenAcceptAsync(v -> deleteToken(v, profile), tasks.executor());
            }
        });
        if (active.session() == session) {
            select(sessions.isEmpty() ? null : sessions.get(Math.min(index, sessions.size() - 1)));
        }
        tasks.executor().execute(session::close);
    }

    /** Moves a connection up (negative) or down (positive) in the sidebar and in the saved order. */
    public void move(ConnectionSession session, int delta) {
        int from = sessions.indexOf(session);
        int to = from + delta;
        if (from < 0 || to < 0 || to >= sessions.size()) {
            return;
        }
        boolean wasActive = active.session() == session;
        sessions.remove(from);
        sessions.add(to, session);
        if (wasActive) {
            active.sessionProperty().set(session);
        }
        List<String> order = sessions.stream()
                .flatMap(s -> s.profile().stream()).map(ConnectionProfile::id).toList();
        settings.change(s -> s.withConnectionOrder(order));
    }

    /** The saved preferences (theme, window geometry, last view), as loaded or last changed. */
    public io.keydeck.settings.Preferences preferences() {
        return settings.current().preferences();
    }

    /** Changes the preferences and saves them in the background (not saved for fixed sessions). */
    public void updatePreferences(java.util.function.UnaryOperator<io.keydeck.settings.Preferences> change) {
        settings.change(s -> s.withPreferences(change.apply(s.preferences())));
    }

    /** Where the action journal is forwarded, as loaded or last changed. */
    public io.keydeck.settings.JournalForwarding journalForwarding() {
        return settings.current().journalForwarding();
    }

    /** Changes where the journal is forwarded and saves it in the background; the banners say whether it was saved. */
    public void updateJournalForwarding(io.keydeck.settings.JournalForwarding forwarding) {
        settings.change(s -> s.withJournalForwarding(forwarding));
    }

    /** Shows {@code session} (null for none) and remembers the choice for the next start. */
    public void select(ConnectionSession session) {
        active.sessionProperty().set(session);
        String id = session == null ? null : session.profile().map(ConnectionProfile::id).orElse(null);
        if (settings.kept()
                && !java.util.Objects.equals(id, settings.current().preferences().selectedConnectionId())) {
            settings.change(s -> s.withPreferences(s.preferences().withSelectedConnectionId(id)));
        }
    }

    /** Closes every session, lets pending saves finish (briefly) and releases the vault. */
    @Override
    public void close() {
        sessions.forEach(ConnectionSession::close);
        settings.awaitBeforeExit();
        if (vault.isDone() && !vault.isCompletedExceptionally()) {
            vault.join().close();
        }
    }

    /**
     * Another writer (a {@code keydeck} command, another tool) changed the saved connections: the sidebar
     * follows the file. A connection removed elsewhere is closed here; its token was the remover's to
     * delete. One added elsewhere opens with the token its adder put into the vault.
     */
    private void showSavedConnections(Settings saved) {
        java.util.Map<String, ConnectionProfile> wanted = new java.util.LinkedHashMap<>();
        saved.connections().forEach(profile -> wanted.put(profile.id(), profile));
        for (ConnectionSession session : List.copyOf(sessions)) {
            Optional<ConnectionProfile> shown = session.profile();
            if (shown.isEmpty()) {
                continue;
            }
            ConnectionProfile now = wanted.remove(shown.get().id());
            if (now == null) {
                int index = sessions.indexOf(session);
                sessions.remove(session);
                banners.forget(session);
                if (active.session() == session) {
                    active.sessionProperty().set(sessions.isEmpty() ? null
                            : sessions.get(Math.min(index, sessions.size() - 1)));
                }
                tasks.executor().execute(session::close);
            } else if (!now.equals(shown.get())) {
                replace(session, opener.open(now, null));
            }
        }
        for (ConnectionProfile added : wanted.values()) {
            sessions.add(sessionWatch.watch(opener.open(added, null)));
        }
    }

    private ConnectionSession replace(ConnectionSession old, ConnectionSession fresh) {
        sessionWatch.watch(fresh);
        int index = sessions.indexOf(old);
        if (index < 0) {
            sessions.add(fresh);
        } else {
            sessions.set(index, fresh);
        }
        banners.reopened(old);
        if (active.session() == old || active.session() == null) {
            active.sessionProperty().set(fresh);
        }
        tasks.executor().execute(old::close);
        return fresh;
    }

    private void tokenNotStored(ConnectionProfile profile, VaultException failure) {
        fx(() -> banners.tokenNotStored(profile, failure.getMessage()));
    }

    private void deleteToken(TokenVault tokens, ConnectionProfile profile) {
        try {
            tokens.delete(profile.id());
        } catch (VaultException e) {
            fx(() -> banners.tokenNotDeleted(profile, e.getMessage()));
        }
    }

    /** Waits until every save asked for so far is on disk (tests and exit). */
    public void awaitSaved() {
        settings.awaitSaved();
    }

    /** Runs {@code action} now on the FX thread, or later from any other. */
    static void fx(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }
}
