package io.keydeck.ui.keys;

import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayException;
import io.keydeck.model.ApiKey;
import io.keydeck.model.VisibleText;
import io.keydeck.session.ConnectionSession;
import io.keydeck.ui.common.BackgroundTasks;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * Every key (revoked ones too) of the saved connections other than the shown one, for the leaked-key
 * finder: fetched on the app's pool, one task per connection, each call under the connection's own
 * deadline like every gateway call; cancellable, with a line per connection saying how far it got.
 * Called on the FX thread.
 */
public final class ConnectionKeyLists {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionKeyLists.class);

    /** Receives each fetched key with its connection and the client that listed it. */
    interface KeyVisitor {
        void visit(ApiKey key, ConnectionSession connection, GatewayClient client);
    }

    private record Listed(GatewayClient client, List<ApiKey> keys) {
    }

    private final List<ConnectionSession> sessions;
    private final BackgroundTasks tasks;
    private final ResourceBundle messages;
    private final Map<ConnectionSession, Listed> listed = new LinkedHashMap<>();
    private final Map<ConnectionSession, String> states = new LinkedHashMap<>();
    private final Map<ConnectionSession, Task<Listed>> running = new LinkedHashMap<>();
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private Runnable changed = () -> { };
    private boolean started;

    /** {@code sessions}: the connections to search, the shown one left out. */
    public ConnectionKeyLists(List<ConnectionSession> sessions, BackgroundTasks tasks, ResourceBundle messages) {
        this.sessions = List.copyOf(sessions);
        this.tasks = tasks;
        this.messages = messages;
    }

    void onChange(Runnable onChange) {
        this.changed = onChange;
    }

    ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    /** One line per connection: searching, how many keys were searched, stopped, or why it failed. */
    ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Starts fetching every connection's keys, the first time only. */
    void startOnce() {
        if (started) {
            return;
        }
        started = true;
        for (ConnectionSession session : sessions) {
            Task<Listed> task = listing(session);
            running.put(session, task);
            state(session, "leaked.searching");
            task.setOnSucceeded(e -> {
                listed.put(session, task.getValue());
                state(session, "leaked.searched", task.getValue().keys().size());
                finished(session);
            });
            task.setOnFailed(e -> {
                Throwable failure = task.getException();
                String reason = failure instanceof GatewayException g ? g.describe() : String.valueOf(failure);
                LOG.warn("Listing the keys of {} for the leaked-key finder failed: {}", session.displayName(), reason);
                state(session, "leaked.searchFailed", VisibleText.escape(reason, 500));
                finished(session);
            });
            task.setOnCancelled(e -> {
                state(session, "leaked.searchStopped");
                finished(session);
            });
            tasks.run(task);
        }
        searching.set(!running.isEmpty());
    }

    /** Stops what is still being fetched. */
    void cancel() {
        List.copyOf(running.values()).forEach(task -> task.cancel(true));
    }

    void forEachKey(KeyVisitor visitor) {
        listed.forEach((session, list) -> list.keys().forEach(key -> visitor.visit(key, session, list.client())));
    }

    /** Puts {@code changed} in place of the fetched key with its id (a key revoked from the finder). */
    void replace(ApiKey changedKey) {
        listed.replaceAll((session, list) -> new Listed(list.client(), list.keys().stream()
                .map(k -> k.id().equals(changedKey.id()) ? changedKey : k).toList()));
    }

    private static Task<Listed> listing(ConnectionSession session) {
        return new Task<>() {
            @Override
            protected Listed call() throws Exception {
                GatewayClient client = session.awaitClient();
                return new Listed(client, client.listAllKeys(true, n -> { }));
            }
        };
    }

    private void finished(ConnectionSession session) {
        running.remove(session);
        searching.set(!running.isEmpty());
        changed.run();
    }

    private void state(ConnectionSession session, String key, Object... values) {
        Object[] arguments = new Object[values.length + 1];
        arguments[0] = VisibleText.escape(session.displayName(), 300);
        System.arraycopy(values, 0, arguments, 1, values.length);
        states.put(session, MessageFormat.format(messages.getString(key), arguments));
        progress.set(String.join("\n", states.values()));
    }
}
