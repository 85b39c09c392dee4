package io.keydeck.ui.keys;

import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayException;
import io.keydeck.model.ApiKey;
import io.keydeck.model.KeyStatus;
import io.keydeck.ui.ActiveConnection;
import io.keydeck.ui.ConnectionSession;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.RelativeTime;
import io.keydeck.ui.common.StatusLine;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The Keys view's state: the keys of the active connection, whether they are loading, and what went
 * wrong. Loads on the app's background pool; every method is called on the FX thread.
 */
public final class KeysViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(KeysViewModel.class);
    static final Duration EXPIRY_WARNING = Duration.ofDays(14);

    /** How close a key is to its expiry, for the amber/red colouring. */
    public enum Expiry { NONE, LATER, SOON, PAST }

    private final ActiveConnection connection;
    private final BackgroundTasks tasks;
    private final ResourceBundle messages;
    private final RelativeTime time;
    private final StatusLine status;

    private final ObservableList<ApiKey> allKeys = FXCollections.observableArrayList();
    private final FilteredList<ApiKey> filteredKeys = new FilteredList<>(allKeys);
    private final SortedList<ApiKey> keys = new SortedList<>(filteredKeys);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper errorText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private Task<List<ApiKey>> current;

    public KeysViewModel(ActiveConnection connection, BackgroundTasks tasks, ResourceBundle messages,
                         RelativeTime time, StatusLine status) {
        this.connection = connection;
        this.tasks = tasks;
        this.messages = messages;
        this.time = time;
        this.status = status;
        connection.sessionProperty().addListener((obs, old, now) -> {
            allKeys.clear();
            refresh();
        });
    }

    /** The keys to show, filtered and in the table's sort order (bind its comparator). */
    public SortedList<ApiKey> keys() {
        return keys;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** What the loading overlay says: "Starting the local sandbox…", "Loaded 300 keys…". */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** The last failure as one line (message, code, request id); empty when the last load worked. */
    public ReadOnlyStringProperty errorTextProperty() {
        return errorText.getReadOnlyProperty();
    }

    /** "Sandbox (local demo) · 42 keys". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** (Re)loads every key, revoked ones included; a load still running is cancelled first. */
    public void refresh() {
        ConnectionSession session = connection.session();
        if (current != null) {
            current.cancel();
        }
        if (session == null) {
            return;
        }
        Task<List<ApiKey>> task = new LoadKeysTask(session);
        current = task;
        errorText.set("");
        loading.set(true);
        progressText.set(messages.getString("keys.loading"));
        status.busy(messages.getString("keys.loading"));
        task.messageProperty().addListener((obs, old, message) -> {
            if (task == current && !message.isEmpty()) {
                progressText.set(message);
                status.busy(message);
            }
        });
        task.setOnSucceeded(e -> whenCurrent(task, () -> showKeys(session, task.getValue())));
        task.setOnFailed(e -> whenCurrent(task, () -> showFailure(task.getException())));
        task.setOnCancelled(e -> whenCurrent(task, this::showCancelled));
        tasks.run(task);
    }

    public void cancel() {
        if (current != null) {
            current.cancel();
        }
    }

    public String hint(ApiKey key) {
        return key.hint();
    }

    public KeyStatus status(ApiKey key) {
        return key.status(time.now());
    }

    public String statusText(KeyStatus keyStatus) {
        return messages.getString("status." + keyStatus.name().toLowerCase(Locale.ROOT));
    }

    /** "3 days ago", "in 5 days", or "never" for a missing time. */
    public String relative(Instant when) {
        return time.format(when);
    }

    /** Like {@link #relative} but an absent expiry reads "no expiry" rather than "never". */
    public String expiresText(Instant expiresAt) {
        return expiresAt == null ? messages.getString("keys.noExpiry") : time.format(expiresAt);
    }

    public Expiry expiry(Instant expiresAt) {
        if (expiresAt == null) {
            return Expiry.NONE;
        }
        Instant now = time.now();
        if (!expiresAt.isAfter(now)) {
            return Expiry.PAST;
        }
        return expiresAt.isBefore(now.plus(EXPIRY_WARNING)) ? Expiry.SOON : Expiry.LATER;
    }

    public String exactTime(Instant when) {
        return time.exact(when);
    }

    private void whenCurrent(Task<?> task, Runnable action) {
        if (task == current) {
            loading.set(false);
            action.run();
        }
    }

    private void showKeys(ConnectionSession session, List<ApiKey> loaded) {
        allKeys.setAll(loaded);
        String text = MessageFormat.format(messages.getString("keys.summary"), session.displayName(), loaded.size());
        summary.set(text);
        status.show(MessageFormat.format(messages.getString("keys.loaded"), loaded.size()));
    }

    private void showFailure(Throwable failure) {
        String description;
        if (failure instanceof GatewayException gatewayException) {
            description = gatewayException.describe();
            LOG.warn("Listing keys failed: {}", description);
        } else {
            description = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            LOG.error("Listing keys failed unexpectedly", failure);
        }
        errorText.set(description);
        status.show(messages.getString("keys.failed"));
    }

    private void showCancelled() {
        status.show(messages.getString("keys.cancelled"));
    }

    private final class LoadKeysTask extends Task<List<ApiKey>> {
        private final ConnectionSession session;

        LoadKeysTask(ConnectionSession session) {
            this.session = session;
        }

        @Override
        protected List<ApiKey> call() throws GatewayException, InterruptedException {
            if (!session.isReady()) {
                updateMessage(session.openingMessage());
            }
            GatewayClient client = session.awaitClient();
            updateMessage(messages.getString("keys.loading"));
            return client.listAllKeys(true, count ->
                    updateMessage(MessageFormat.format(messages.getString("keys.loadedSoFar"), count)));
        }
    }
}
