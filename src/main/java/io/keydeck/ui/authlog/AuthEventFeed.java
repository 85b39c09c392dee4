package io.keydeck.ui.authlog;

import io.keydeck.ui.shell.ConsoleAuthFailures;

import io.keydeck.model.VisibleText;
import io.keydeck.authlog.AuthEventFilter;
import io.keydeck.authlog.AuthEventWindow;
import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayException;
import io.keydeck.model.ApiKey;
import io.keydeck.model.AuthEvent;
import io.keydeck.model.AuthEventQuery;
import io.keydeck.ui.shell.ActiveConnection;
import io.keydeck.session.ConnectionSession;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.RetryCountdown;
import io.keydeck.ui.common.StatusLine;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.MessageFormat;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Consumer;

/**
 * Fetches auth events into the window on the app's pool (first page with the key list, older pages,
 * newer events) and ignores answers that arrive after a refresh. Called on the FX thread.
 */
final class AuthEventFeed {
    private static final Logger LOG = LoggerFactory.getLogger(AuthEventFeed.class);
    private static final String ACTION = "GET /v1/auth-events";

    private final ActiveConnection connection;
    private final BackgroundTasks tasks;
    private final ResourceBundle messages;
    private final StatusLine status;
    private final ConsoleAuthFailures console;
    private final int pageSize;
    private final AuthEventWindow window;
    private final ReadOnlyBooleanWrapper loading;
    private final ReadOnlyStringWrapper errorText;
    private final Runnable changed;

    private AuthEventFilter serverFilter = AuthEventFilter.NONE;
    private List<ApiKey> knownKeys = List.of();
    private GatewayClient client;
    private Task<?> current;
    private Task<?> poll;
    private int generation;
    private RetryCountdown countdown;

    /** {@code changed} runs whenever what there is to show changed: a new filter, an answer, a failure. */
    AuthEventFeed(ActiveConnection connection, BackgroundTasks tasks, ResourceBundle messages, StatusLine status,
                  ConsoleAuthFailures console, int pageSize, AuthEventWindow window, ReadOnlyBooleanWrapper loading,
                  ReadOnlyStringWrapper errorText, Runnable changed) {
        this.connection = connection;
        this.tasks = tasks;
        this.messages = messages;
        this.status = status;
        this.console = console;
        this.pageSize = pageSize;
        this.window = window;
        this.loading = loading;
        this.errorText = errorText;
        this.changed = changed;
    }

    /** Counts down a rate limit's wait with {@code retry}, which asks again when it ends. */
    void countDownWith(RetryCountdown retry) {
        this.countdown = retry;
    }

    /** The part of the filter the gateway evaluates, as of the last refresh. */
    AuthEventFilter serverFilter() {
        return serverFilter;
    }

    /** Every key of the connection (revoked ones too), to recognise revoked and expired keys in events. */
    List<ApiKey> knownKeys() {
        return knownKeys;
    }

    /** The client the shown events came from; null until the first page arrived. */
    GatewayClient client() {
        return client;
    }

    /** The key with {@code keyId} as last listed or changed here, if the gateway knows it. */
    Optional<ApiKey> knownKey(String keyId) {
        return keyId == null ? Optional.empty() : knownKeys.stream().filter(k -> k.id().equals(keyId)).findFirst();
    }

    /** Puts {@code changed} (revoked or disabled from a signal) in place of the known key with its id. */
    void replaceKey(ApiKey now) {
        knownKeys = knownKeys.stream().map(k -> k.id().equals(now.id()) ? now : k).toList();
        changed.run();
    }

    /** Cancels what runs and empties the window; answers to earlier requests are ignored from now on. */
    void restart() {
        cancelRunning();
        ++generation;
        window.clear();
    }

    /** Loads the first page under {@code filter}, and the key list, after {@link #restart()}. */
    void loadFirstPage(AuthEventFilter filter) {
        int gen = generation;
        serverFilter = filter;
        ConnectionSession session = connection.session();
        changed.run();
        if (session == null) {
            return;
        }
        AuthEventQuery query = serverFilter.toQuery(pageSize);
        Task<AuthEventRequests.FirstPage> task = AuthEventRequests.firstPage(session, query);
        start(task, gen, session, first -> {
            knownKeys = first.keys();
            client = first.client();
            if (first.keysFailure() != null) {
                console.report(session.displayName(), "GET /v1/api-keys", first.keysFailure());
            }
            window.addOlder(first.page());
            status.show(MessageFormat.format(messages.getString("authlog.loaded"), window.size()));
        });
    }

    /** Loads the next older page, if there is one and nothing is loading. */
    void loadMore() {
        String cursor = window.cursor();
        ConnectionSession session = connection.session();
        if (loading.get() || cursor == null || session == null) {
            return;
        }
        int gen = generation;
        AuthEventQuery query = serverFilter.toQuery(pageSize).after(cursor);
        start(AuthEventRequests.page(session, query), gen, session, window::addOlder);
    }

    /** Fetches events newer than the newest loaded and puts them on top (what live tail does). */
    void pollNewer() {
        ConnectionSession session = connection.session();
        AuthEvent newest = window.newest();
        if (session == null || loading.get() || (poll != null && poll.isRunning())) {
            return;
        }
        int gen = generation;
        Instant since = newest == null ? serverFilter.since() : newest.occurredAt();
        AuthEventQuery query = new AuthEventQuery(since, null, serverFilter.status(), serverFilter.code(),
                pageSize, null);
        Task<List<AuthEvent>> task = AuthEventRequests.allPages(session, query);
        poll = task;
        task.setOnSucceeded(e -> {
            if (gen == generation && !window.addNewer(task.getValue()).isEmpty()) {
                changed.run();
            }
        });
        task.setOnFailed(e -> {
            if (gen == generation) {
                showFailure(session, task.getException());
            }
        });
        tasks.run(task);
    }

    private <T> void start(Task<T> task, int gen, ConnectionSession session, Consumer<T> onResult) {
        current = task;
        loading.set(true);
        errorText.set("");
        if (countdown != null) {
            countdown.stop();
        }
        status.busy(messages.getString("authlog.loading"));
        task.setOnSucceeded(e -> {
            if (gen == generation && task == current) {
                loading.set(false);
                onResult.accept(task.getValue());
                changed.run();
            }
        });
        task.setOnFailed(e -> {
            if (gen == generation && task == current) {
                loading.set(false);
                showFailure(session, task.getException());
                changed.run();
            }
        });
        task.setOnCancelled(e -> {
            if (task == current) {
                loading.set(false);
            }
        });
        tasks.run(task);
    }

    private void cancelRunning() {
        if (current != null && current.isRunning()) {
            current.cancel();
        }
        if (poll != null && poll.isRunning()) {
            poll.cancel();
        }
        loading.set(false);
    }

    private void showFailure(ConnectionSession session, Throwable failure) {
        String description;
        if (failure instanceof GatewayException gatewayException) {
            description = gatewayException.describe();
            console.report(session.displayName(), ACTION, gatewayException);
            LOG.warn("Loading auth events failed: {}", description);
        } else {
            description = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            LOG.error("Loading auth events failed unexpectedly", failure);
        }
        errorText.set(VisibleText.escape(description, 2000));
        status.show(messages.getString("authlog.failed"));
        if (countdown != null) {
            countdown.after(failure);
        }
    }
}
