package io.keydeck.ui.journal;

import io.keydeck.model.VisibleText;
import io.keydeck.gateway.GatewayClient;
import io.keydeck.journal.ActionJournal;
import io.keydeck.journal.JournalEntry;
import io.keydeck.model.ApiKey;
import io.keydeck.session.AdminActions;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.StatusLine;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.MessageFormat;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The window's side of {@link AdminActions}: the dialogs get their gateway client through
 * {@link #watching}, so every create, rotate, revoke, rename, disable and enable follows the one rule the
 * command line follows too. An entry that cannot be written warns in the status line (the action has
 * happened on the gateway); an action the journal must record but cannot is refused before it is sent.
 */
public final class WindowJournal implements AdminActions.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(WindowJournal.class);

    private final AdminActions actions;
    private final Executor executor;
    private final StatusLine status;
    private final ResourceBundle messages;
    private final ReadOnlyIntegerWrapper appended = new ReadOnlyIntegerWrapper(0);
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

    public WindowJournal(ActionJournal journal, BackgroundTasks tasks, StatusLine status, ResourceBundle messages,
                         Clock clock) {
        this.actions = new AdminActions(journal, clock, this);
        this.executor = tasks.executor();
        this.status = status;
        this.messages = messages;
    }

    public ActionJournal journal() {
        return actions.journal();
    }

    /** Counts the entries this window appended; changes on the FX thread, so a view can reload. */
    public ReadOnlyIntegerProperty appendedProperty() {
        return appended.getReadOnlyProperty();
    }

    /** Queues {@code entry} behind the ones before it on the background pool; callable from any thread. */
    public synchronized CompletableFuture<Void> record(JournalEntry entry) {
        tail = tail.handleAsync((ignored, failure) -> {
            actions.record(entry);
            return null;
        }, executor);
        return tail;
    }

    /** {@code client} with its creates, revokes and updates of {@code keys} done as admin actions under {@code connection}. */
    public GatewayClient watching(GatewayClient client, String connection, Collection<ApiKey> keys) {
        return actions.through(client, connection, keys);
    }

    /** As {@link #watching}, where a create is the replacement of {@code old}: ROTATE for it, CREATE for the new key. */
    public GatewayClient watchingRotation(GatewayClient client, String connection, ApiKey old) {
        return actions.through(client, connection, List.of(old), old);
    }

    @Override
    public void recorded(JournalEntry entry) {
        Platform.runLater(() -> appended.set(appended.get() + 1));
    }

    @Override
    public void notRecorded(JournalEntry entry, String reason) {
        LOG.warn("A {} of key {} was not recorded in the journal: {}", entry.action().wireName(), entry.keyId(), reason);
        Platform.runLater(() -> status.show(MessageFormat.format(messages.getString("journal.appendFailed"),
                entry.action().wireName(), VisibleText.escape(entry.keyName(), 300), VisibleText.escape(reason, 2000))));
    }
}
