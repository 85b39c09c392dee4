package io.keydeck.ui.keys;

import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayDriver;
import io.keydeck.gateway.GatewayException;
import io.keydeck.model.ApiKey;
import io.keydeck.ui.shell.ActiveConnection;
import io.keydeck.session.ConnectionSession;
import io.keydeck.ui.shell.ConsoleAuthFailures;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.RetryCountdown;
import io.keydeck.ui.common.StatusLine;
import io.keydeck.model.VisibleText;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Task;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.MessageFormat;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.BiConsumer;

/**
 * Loads every key of the active connection on the app's pool, one load at a time, putting the first
 * page into an empty table while the rest arrives; what it says and sets runs on the FX thread.
 */
final class KeyListLoader {
    private static final Logger LOG = LoggerFactory.getLogger(KeyListLoader.class);

    /** The keys of one load with their search texts, computed off the FX thread. */
    record LoadedKeys(List<ApiKey> keys, Map<String, String> searchTexts) {
    }

    private final ActiveConnection connection;
    private final BackgroundTasks tasks;
    private final ResourceBundle messages;
    private final StatusLine status;
    private final KeyRows rows;
    private final BiConsumer<ConnectionSession, LoadedKeys> onLoaded;

    final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    final ReadOnlyStringWrapper errorText = new ReadOnlyStringWrapper("");
    final ObjectProperty<GatewayDriver> driver = new SimpleObjectProperty<>();
    /** Counts a rate-limited load down to its automatic retry. */
    final RetryCountdown retry;
    private final Timeline ticker = new Timeline();
    private long loadStarted;
    private String lastMessage = "";
    private volatile GatewayClient client;
    private Task<LoadedKeys> current;
    private Task<?> firstRowsOf;
    private ConsoleAuthFailures authFailures;

    /** Puts a first page straight into an empty {@code rows}; {@code onLoaded} gets each complete load. */
    KeyListLoader(ActiveConnection connection, BackgroundTasks tasks, ResourceBundle messages, StatusLine status,
                  KeyRows rows, BiConsumer<ConnectionSession, LoadedKeys> onLoaded) {
        this.connection = connection;
        this.tasks = tasks;
        this.messages = messages;
        this.status = status;
        this.rows = rows;
        this.onLoaded = onLoaded;
        this.retry = new RetryCountdown(messages, status, "keys.retryCancelled", this::refresh);
        ticker.getKeyFrames().add(new KeyFrame(Duration.millis(250), e -> tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
    }

    /** The client the last load opened; null before a load reached the gateway. */
    GatewayClient client() {
        return client;
    }

    /** Forgets the client and driver of a connection that is no longer the active one. */
    void forgetClient() {
        client = null;
        driver.set(null);
    }

    void reportAuthFailuresTo(ConsoleAuthFailures failures) {
        this.authFailures = failures;
    }

    /** (Re)loads every key, revoked ones included; a load still running is cancelled first. */
    void refresh() {
        ConnectionSession session = connection.session();
        if (current != null) {
            current.cancel();
        }
        if (session == null) {
            return;
        }
        Task<LoadedKeys> task = new LoadKeysTask(session, rows.allKeys.isEmpty());
        current = task;
        errorText.set("");
        retry.stop();
        loading.set(true);
        lastMessage = messages.getString("keys.loading");
        loadStarted = System.nanoTime();
        progressText.set(lastMessage);
        status.busy(lastMessage);
        ticker.play();
        task.messageProperty().addListener((obs, old, message) -> {
            if (task == current && !message.isEmpty()) {
                lastMessage = message;
                loadStarted = System.nanoTime();
                progressText.set(message);
                status.busy(message);
            }
        });
        task.setOnSucceeded(e -> whenCurrent(task, () -> {
            driver.set(client == null ? null : client.driver());
            firstRowsOf = null;
            onLoaded.accept(session, task.getValue());
        }));
        task.setOnFailed(e -> whenCurrent(task, () -> {
            dropFirstRowsOf(task);
            showFailure(task.getException());
        }));
        task.setOnCancelled(e -> whenCurrent(task, () -> {
            dropFirstRowsOf(task);
            status.show(messages.getString("keys.cancelled"));
        }));
        tasks.run(task);
    }

    /** Loads the keys unless a load already started. */
    void loadUnlessStarted() {
        if (current == null) {
            refresh();
        }
    }

    void cancel() {
        if (current != null) {
            current.cancel();
        }
    }

    private void whenCurrent(Task<?> task, Runnable action) {
        if (task == current) {
            loading.set(false);
            ticker.stop();
            action.run();
        }
    }

    /** Four times a second while a load runs: a load with no news for a while says for how long the gateway has been silent (it is cancellable). */
    private void tick() {
        if (loading.get()) {
            long silent = (System.nanoTime() - loadStarted) / 1_000_000_000L;
            if (silent >= 3) {
                progressText.set(MessageFormat.format(messages.getString("keys.noAnswerFor"), lastMessage, silent));
            }
        }
    }

    /**
     * Shows the first page of a load into an empty table while the rest arrives, so the rows are
     * built during the load rather than after it (half a second of the first frame with rows).
     */
    private void showFirstRows(Task<?> task, List<ApiKey> page) {
        if (task == current && rows.allKeys.isEmpty()) {
            rows.searchIndex.replaceAll(KeySearchIndex.texts(page));
            rows.allKeys.setAll(page);
            firstRowsOf = task;
        }
    }

    /** A load that failed or was cancelled leaves the table as it found it: empty, not partial. */
    private void dropFirstRowsOf(Task<?> task) {
        if (firstRowsOf == task) {
            rows.allKeys.clear();
            rows.searchIndex.clear();
            firstRowsOf = null;
        }
    }

    private void showFailure(Throwable failure) {
        String description;
        if (failure instanceof GatewayException gatewayException) {
            description = gatewayException.describe();
            LOG.warn("Listing keys failed: {}", description);
            if (connection.session() != null) {
                if (authFailures != null) {
                    authFailures.report(connection.session().displayName(), "GET /v1/api-keys", gatewayException);
                }
                connection.session().reportAuthFailure(gatewayException);
            }
        } else {
            description = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            LOG.error("Listing keys failed unexpectedly", failure);
        }
        errorText.set(VisibleText.escape(description, 2000));
        status.show(messages.getString("keys.failed"));
        retry.after(failure);
    }

    private final class LoadKeysTask extends Task<LoadedKeys> {
        private final ConnectionSession session;
        private final boolean showFirstPage;
        private int loaded;

        LoadKeysTask(ConnectionSession session, boolean showFirstPage) {
            this.session = session;
            this.showFirstPage = showFirstPage;
        }

        @Override
        protected LoadedKeys call() throws GatewayException, InterruptedException {
            if (!session.isReady()) {
                updateMessage(session.openingMessage());
            }
            GatewayClient opened = session.awaitClient();
            client = opened;
            updateMessage(messages.getString("keys.loading"));
            List<ApiKey> all = opened.listAllKeysByPage(true, page -> {
                if (loaded == 0 && showFirstPage && !page.isEmpty()) {
                    Platform.runLater(() -> showFirstRows(this, page));
                }
                loaded += page.size();
                updateMessage(MessageFormat.format(messages.getString("keys.loadedSoFar"), loaded));
            });
            return new LoadedKeys(all, KeySearchIndex.texts(all));
        }
    }
}
