package io.keydeck.ui.journal;

import io.keydeck.model.VisibleText;
import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayException;
import io.keydeck.journal.ActionJournal;
import io.keydeck.journal.JournalAction;
import io.keydeck.journal.JournalEntry;
import io.keydeck.model.ApiKey;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.StatusLine;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.concurrent.Task;
import javafx.concurrent.WorkerStateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.text.MessageFormat;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The window's side of the action journal: every admin action taken in the window is appended, in
 * the order it happened, on the background pool. An append that fails warns in the status line; the
 * action itself has happened on the gateway and is never undone or held up by the journal.
 */
public final class WindowJournal {
    private static final Logger LOG = LoggerFactory.getLogger(WindowJournal.class);

    private final ActionJournal journal;
    private final Executor executor;
    private final StatusLine status;
    private final ResourceBundle messages;
    private final Clock clock;
    private final ReadOnlyIntegerWrapper appended = new ReadOnlyIntegerWrapper(0);
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

    public WindowJournal(ActionJournal journal, BackgroundTasks tasks, StatusLine status, ResourceBundle messages,
                         Clock clock) {
        this.journal = journal;
        this.executor = tasks.executor();
        this.status = status;
        this.messages = messages;
        this.clock = clock;
    }

    public ActionJournal journal() {
        return journal;
    }

    Clock clock() {
        return clock;
    }

    /** Counts the entries this window appended; changes on the FX thread, so a view can reload. */
    public ReadOnlyIntegerProperty appendedProperty() {
        return appended.getReadOnlyProperty();
    }

    /** Queues {@code entry} behind the ones before it; callable from any thread. */
    public synchronized CompletableFuture<Void> record(JournalEntry entry) {
        tail = tail.handleAsync((ignored, failure) -> {
            append(entry);
            return null;
        }, executor);
        return tail;
    }

    /** Completes once everything recorded so far has been written (or has failed and warned). */
    public synchronized CompletableFuture<Void> written() {
        return tail.handle((ignored, failure) -> null);
    }

    /** {@code client} with its creates and revokes of {@code keys} journaled under {@code connection}. */
    public GatewayClient watching(GatewayClient client, String connection, Collection<ApiKey> keys) {
        return new JournaledClient(client, this, connection, keys, null);
    }

    /** As {@link #watching}, where a create is the replacement of {@code old}: ROTATE for it, CREATE for the new key. */
    public GatewayClient watchingRotation(GatewayClient client, String connection, ApiKey old) {
        return new JournaledClient(client, this, connection, List.of(old), old);
    }

    /** A gateway call's task that keeps the request id of the gateway's answer, for the journal. */
    public abstract static class AnsweredTask<T> extends Task<T> {
        private volatile String requestId;

        /** Called from {@code call()} once the gateway has answered. */
        protected final void answeredWith(String id) {
            requestId = id;
        }

        public final String requestId() {
            return requestId;
        }
    }

    /** Journals a rename, disable or enable when {@code task} (the gateway's update of {@code before}) ends. */
    public void recordUpdate(Task<ApiKey> task, String connection, ApiKey before, JournalAction action) {
        task.addEventHandler(WorkerStateEvent.WORKER_STATE_SUCCEEDED, e -> {
            ApiKey after = task.getValue();
            ApiKey named = action == JournalAction.RENAME
                    ? after.withName(before.name() + " \u2192 " + after.name()) : after;
            record(JournalEntry.succeeded(clock, action, connection, named,
                    task instanceof AnsweredTask<?> answered ? answered.requestId() : null));
        });
        task.addEventHandler(WorkerStateEvent.WORKER_STATE_FAILED, e -> {
            Throwable failure = task.getException();
            record(failure instanceof GatewayException g
                    ? JournalEntry.failed(clock, action, connection, before, null, code(g), g.requestId())
                    : JournalEntry.failed(clock, action, connection, before, null, "error", null));
        });
    }

    /** The journal's result code for a failure: the gateway's code, else the kind of failure (as the CLI). */
    static String code(GatewayException e) {
        return e.code() != null && !e.code().isBlank() ? e.code() : e.kind().name().toLowerCase(Locale.ROOT);
    }

    private void append(JournalEntry entry) {
        try {
            journal.append(entry);
            Platform.runLater(() -> appended.set(appended.get() + 1));
        } catch (IOException | RuntimeException e) {
            LOG.warn("A {} of key {} was not recorded in the journal: {}", entry.action().wireName(), entry.keyId(),
                    e.getMessage());
            Platform.runLater(() -> status.show(MessageFormat.format(messages.getString("journal.appendFailed"),
                    entry.action().wireName(), VisibleText.escape(entry.keyName(), 300),
                    VisibleText.escape(e.getMessage(), 2000))));
        }
    }
}
