package io.keydeck.ui.keys;

import io.keydeck.model.VisibleText;
import io.keydeck.gateway.GatewayClient;
import io.keydeck.ui.shell.ActiveConnection;
import io.keydeck.session.ConnectionSession;
import io.keydeck.ui.common.DialogButtons;
import io.keydeck.ui.journal.WindowJournal;
import io.keydeck.model.Capability;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.StatusLine;
import io.keydeck.gateway.GatewayException;
import io.keydeck.model.ApiKey;
import io.keydeck.model.KeyUpdate;
import javafx.beans.binding.Bindings;
import javafx.concurrent.Task;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Window;

import java.text.MessageFormat;
import java.util.List;
import java.util.function.Function;

import java.time.Clock;
import java.util.ResourceBundle;

/**
 * What the Keys view's toolbar, menu and shortcuts do: each action opens its dialog with what it
 * needs and puts the outcome back into {@link KeysViewModel}, so the controller only wires events.
 */
public final class KeyActions {
    private final KeysViewModel keys;
    private final BackgroundTasks tasks;
    private final ResourceBundle messages;
    private final StatusLine status;
    private final SecretSettings secretSettings;
    private final Clock clock;
    private WindowJournal journal;
    private ActiveConnection active;
    private List<ConnectionSession> connections = List.of();

    public KeyActions(KeysViewModel keys, BackgroundTasks tasks, ResourceBundle messages, StatusLine status,
                      SecretSettings secretSettings, Clock clock) {
        this.keys = keys;
        this.tasks = tasks;
        this.messages = messages;
        this.status = status;
        this.secretSettings = secretSettings;
        this.clock = clock;
    }

    /** Records every create, revoke, rotate, rename, disable and enable in {@code journal}, under the active connection. */
    public KeyActions journalTo(WindowJournal journal, ActiveConnection active) {
        this.journal = journal;
        this.active = active;
        return this;
    }

    private String connectionName() {
        ConnectionSession session = active.session();
        return session == null ? "" : session.displayName();
    }

    /** {@code client} as the dialogs should use it: journaled when a journal is set. */
    private GatewayClient journaled(GatewayClient client, List<ApiKey> keys) {
        return journal == null ? client : journal.watching(client, connectionName(), keys);
    }

    /** False (and the reason in the status bar) when the gateway cannot do {@code capability}. */
    private boolean available(Capability capability) {
        String reason = keys.unsupportedReason(capability);
        if (reason != null) {
            status.show(reason);
        }
        return reason == null;
    }

    public void create(Window owner) {
        if (!available(Capability.CREATE_KEY)) {
            return;
        }
        GatewayClient client = keys.client();
        KeyCreation creation = new KeyCreation(journaled(client, keys.allKeys()), tasks,
                messages.getString("create.cancelled"));
        creation.alreadyCreatedProperty().addListener((obs, old, existing) -> {
            if (existing != null) {
                showExisting(existing);
            }
        });
        CreateKeyViewModel form = new CreateKeyViewModel(client.driver().knownScopes(), keys.allKeys(), creation,
                messages, clock);
        CreateKeyDialog dialog = new CreateKeyDialog(owner, form, messages);
        dialog.showAndWait().ifPresentOrElse(secret -> {
            keys.add(secret.key());
            SecretOnceViewModel once = new SecretOnceViewModel(secret, client.driver().secretEnvironmentVariable(),
                    messages);
            new SecretOnceDialog(owner, once, secretSettings, messages).showAndWait();
            status.notify(VisibleText.escape(secret.warning().orElse(MessageFormat.format(
                    messages.getString("keys.createdNotice"), secret.key().name(), secret.key().hint())), 2000));
        }, () -> dialog.lostKeyToRevoke().ifPresent(lost -> revoke(owner, List.of(lost))));
    }

    /** One confirmation for every selected key that is not revoked yet; each row turns revoked as it goes. */
    public void revoke(Window owner, List<ApiKey> selection) {
        revoke(owner, selection, null);
    }

    /** As {@link #revoke(Window, List)}; a {@code connection} name (else null) is named in the question. */
    private void revoke(Window owner, List<ApiKey> selection, String connection) {
        if (!available(Capability.REVOKE_KEY)) {
            return;
        }
        RevokeKeysViewModel revoke = new RevokeKeysViewModel(selection, journaled(keys.client(), selection), tasks,
                messages, clock, keys::replace);
        if (connection != null) {
            revoke.onConnection(connection);
        }
        if (revoke.keys().isEmpty()) {
            status.show(messages.getString("revoke.nothing"));
            return;
        }
        new RevokeKeysDialog(owner, revoke, messages).showAndWait();
        if (!revoke.outcomes().isEmpty()) {
            status.notify(revoke.summary());
        }
    }

    /** Replacement first, its secret once, then revoke the old key or keep both. */
    public void rotate(Window owner, ApiKey old) {
        if (!available(Capability.CREATE_KEY)) {
            return;
        }
        GatewayClient client = keys.client();
        GatewayClient creating = journal == null ? client : journal.watchingRotation(client, connectionName(), old);
        RotateKeyViewModel rotation = new RotateKeyViewModel(old, new KeyCreation(creating, tasks,
                messages.getString("create.cancelled")), messages, clock);
        new RotateKeyDialog(owner, rotation, messages).showAndWait().ifPresent(secret -> {
            keys.add(secret.key());
            new SecretOnceDialog(owner, new SecretOnceViewModel(secret, client.driver().secretEnvironmentVariable(),
                    messages), secretSettings, messages).showAndWait();
            if (askRevokeOld(owner, old)) {
                RevokeKeysViewModel revoke = new RevokeKeysViewModel(List.of(old), journaled(client, List.of(old)),
                        tasks, messages, clock, keys::replace);
                revoke.typedProperty().set(revoke.confirmationPhrase()); // the user just chose this explicitly
                new RevokeKeysDialog(owner, revoke, messages).showAndWait();
            } else {
                status.show(MessageFormat.format(messages.getString("rotate.keptBoth"),
                        VisibleText.escape(old.name(), 300)));
            }
        });
    }

    /**
     * Looks a pasted secret up in every saved connection: the shown one's loaded keys at once, the others'
     * lists fetched on the pool. A key of the shown connection is revoked as from the table; one of another
     * connection through the client that listed it, the question naming that connection.
     */
    public void findLeaked(Window owner) {
        ConnectionSession shown = active == null ? null : active.session();
        LeakedKeyFinderViewModel finder = new LeakedKeyFinderViewModel(keys.allKeys(), shown, new ConnectionKeyLists(
                connections.stream().filter(s -> s != shown).toList(), tasks, messages), messages);
        new LeakedKeyFinderDialog(owner, finder, messages, found -> {
            if (finder.isActive(found)) {
                revoke(owner, List.of(found.key()), shown.displayName());
            } else {
                new RevokeOnAnotherConnection(tasks, messages, clock, status, journal).revoke(owner, found,
                        finder::keyRevoked);
            }
        }, key -> keys.focusOn(key.id())).showAndWait();
    }

    /** Searches {@code saved} (the window's live list of connections) for leaked keys. */
    public KeyActions searchingLeaksIn(List<ConnectionSession> saved) {
        this.connections = saved;
        return this;
    }

    private boolean askRevokeOld(Window owner, ApiKey old) {
        ButtonType revokeNow = new ButtonType(messages.getString("rotate.revokeNow"), ButtonBar.ButtonData.OK_DONE);
        ButtonType keepBoth = new ButtonType(messages.getString("rotate.keepBoth"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, MessageFormat.format(messages.getString("rotate.askText"),
                VisibleText.escape(old.name(), 300), VisibleText.escape(old.hint(), 120)), revokeNow, keepBoth);
        io.keydeck.ui.common.DialogOwner.set(ask, owner);
        ask.setTitle(messages.getString("rotate.title"));
        ask.setHeaderText(messages.getString("rotate.askHeader"));
        ask.getDialogPane().setId("rotateRevokeOldAlert");
        ask.getDialogPane().lookupButton(revokeNow).setId("revokeOldNowButton");
        ask.getDialogPane().lookupButton(keepBoth).setId("keepBothButton");
        return ask.showAndWait().filter(revokeNow::equals).isPresent();
    }

    /** Asks for a new name and sends it; the row shows it when the gateway agrees. */
    public void rename(Window owner, ApiKey key) {
        if (!available(Capability.RENAME_KEY)) {
            return;
        }
        TextInputDialog ask = new TextInputDialog(VisibleText.escape(key.name(), CreateKeyViewModel.MAX_NAME_LENGTH));
        io.keydeck.ui.common.DialogOwner.set(ask, owner);
        ask.setTitle(messages.getString("rename.title"));
        ask.setHeaderText(MessageFormat.format(messages.getString("rename.header"), VisibleText.escape(key.name(), 300),
                VisibleText.escape(key.hint(), 120)));
        ask.getEditor().setId("renameField");
        ButtonType ok = DialogButtons.ok(messages);
        ask.getDialogPane().getButtonTypes().setAll(ok, DialogButtons.cancel(messages));
        ask.getDialogPane().lookupButton(ok).setId("renameOkButton");
        ask.getDialogPane().lookupButton(ok).disableProperty().bind(Bindings.createBooleanBinding(() -> {
            String typed = ask.getEditor().getText().strip();
            return typed.isEmpty() || typed.length() > CreateKeyViewModel.MAX_NAME_LENGTH || typed.equals(key.name());
        }, ask.getEditor().textProperty()));
        ask.showAndWait().map(String::strip).ifPresent(name -> {
            Task<ApiKey> task = keys.update(key, KeyUpdate.rename(name), journaled(keys.client(), List.of(key)));
            reportFailure(owner, task, "rename.failed");
        });
    }

    /**
     * Sets or removes the spend limit of the selection (issue 21), after a question naming each key; then
     * reports each key's answer and request id, and shows the changed keys.
     */
    public void editLimits(Window owner, List<ApiKey> selection) {
        if (selection.isEmpty() || !available(Capability.EDIT_LIMITS)) {
            return;
        }
        EditLimitsViewModel form = new EditLimitsViewModel(selection, messages);
        if (new EditLimitsDialog(owner, form, messages).ask()) {
            sendToEach(owner, selection, form::apply, form::report, new BulkTexts("limits.title", "limits.sending",
                    "limits.done", "limits.someFailed", "limitsReport"));
        }
    }

    /**
     * Replaces the scopes (and, where edited, the allowed models) of the selection's live keys, after a question
     * naming each; then reports each key's answer and request id, and shows the changed keys.
     */
    public void editScopes(Window owner, List<ApiKey> selection) {
        List<ApiKey> live = selection.stream().filter(k -> !k.revoked()).toList();
        if (live.isEmpty() || !available(Capability.EDIT_SCOPES)) {
            return;
        }
        EditScopesViewModel form = new EditScopesViewModel(live, keys.client().driver().knownScopes(), messages);
        if (new EditScopesDialog(owner, form, messages).ask()) {
            sendToEach(owner, live, form::apply, form::report, new BulkTexts("scopes.title", "scopes.sending",
                    "scopes.done", "scopes.someFailed", "scopesReport"));
        }
    }

    /** The words of one bulk edit: its title, the status while sending and after, and the report's id. */
    private record BulkTexts(String title, String sending, String done, String someFailed, String reportId) {
    }

    private interface Sending {
        List<EachKeyUpdate.Outcome> to(GatewayClient target) throws InterruptedException;
    }

    private void sendToEach(Window owner, List<ApiKey> selection, Sending send,
                            Function<List<EachKeyUpdate.Outcome>, String> report, BulkTexts texts) {
        GatewayClient target = journaled(keys.client(), selection);
        Task<List<EachKeyUpdate.Outcome>> task = new Task<>() {
            @Override
            protected List<EachKeyUpdate.Outcome> call() throws InterruptedException {
                return send.to(target);
            }
        };
        status.busy(messages.getString(texts.sending()));
        task.setOnSucceeded(e -> {
            task.getValue().stream().filter(o -> o.updated() != null).forEach(o -> keys.replace(o.updated()));
            boolean allOk = task.getValue().stream().allMatch(o -> o.failure() == null);
            String outcome = messages.getString(allOk ? texts.done() : texts.someFailed());
            status.show(outcome);
            Alert shown = new Alert(allOk ? Alert.AlertType.INFORMATION : Alert.AlertType.WARNING,
                    report.apply(task.getValue()), DialogButtons.ok(messages));
            io.keydeck.ui.common.DialogOwner.set(shown, owner);
            shown.setTitle(messages.getString(texts.title()));
            shown.setHeaderText(outcome);
            shown.getDialogPane().setId(texts.reportId());
            shown.show();
        });
        reportFailure(owner, task, texts.someFailed());
        tasks.run(task);
    }

    /**
     * Disables the selection's active keys, or enables it when every live key in it is disabled (what the
     * Disable/Enable button says). One key changes at once; several are confirmed first, naming each.
     */
    public void toggleDisabled(Window owner, List<ApiKey> selection) {
        if (!available(Capability.DISABLE_KEY)) {
            return;
        }
        DisableKeysViewModel.Plan plan = DisableKeysViewModel.Plan.of(selection);
        if (plan.changing().isEmpty()) {
            return;
        }
        if (plan.changing().size() == 1 && plan.unchanged() == 0) {
            ApiKey key = plan.changing().get(0);
            Task<ApiKey> task = keys.update(key, KeyUpdate.disabled(plan.disabling()),
                    journaled(keys.client(), List.of(key)));
            reportFailure(owner, task, "disable.failed");
            return;
        }
        DisableKeysViewModel change = new DisableKeysViewModel(selection,
                journaled(keys.client(), plan.changing()), tasks, messages, keys::replace);
        new DisableKeysDialog(owner, change, messages).showAndWait();
        if (!change.outcomes().isEmpty()) {
            status.notify(change.summary());
        }
    }

    public void copyId(ApiKey key) {
        keys.selectedProperty().set(key);
        ClipboardContent content = new ClipboardContent();
        content.putString(keys.copyKeyId());
        Clipboard.getSystemClipboard().setContent(content);
    }

    private void reportFailure(Window owner, Task<?> task, String titleKey) {
        task.setOnFailed(e -> {
            Throwable failure = task.getException();
            String text = failure instanceof GatewayException g ? g.describe() : String.valueOf(failure.getMessage());
            status.show(messages.getString(titleKey));
            Alert alert = new Alert(Alert.AlertType.ERROR, VisibleText.escape(text, 2000), DialogButtons.ok(messages));
            io.keydeck.ui.common.DialogOwner.set(alert, owner);
            alert.setHeaderText(messages.getString(titleKey));
            alert.show();
        });
    }

    private void showExisting(ApiKey existing) {
        if (keys.allKeys().stream().noneMatch(k -> k.id().equals(existing.id()))) {
            keys.add(existing);
        } else {
            keys.focusOn(existing.id());
        }
    }
}
