package io.keydeck.ui.keys;

import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.GatewayDriver;
import io.keydeck.model.ApiKey;
import io.keydeck.model.Capability;
import io.keydeck.model.KeyStatus;
import io.keydeck.model.KeyUpdate;
import io.keydeck.ui.ActiveConnection;
import io.keydeck.ui.ConnectionSession;
import io.keydeck.ui.Navigation;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.RelativeTime;
import io.keydeck.ui.common.StatusLine;
import io.keydeck.model.KeyEnvironment;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<KeyEnvironment> environmentFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<KeyStatus> statusFilter = new SimpleObjectProperty<>();
    private final BooleanProperty showRevoked = new SimpleBooleanProperty(false);
    private final ObjectProperty<ApiKey> selected = new SimpleObjectProperty<>();
    private final ObservableList<KeyDetail> details = FXCollections.observableArrayList();
    private final ObservableList<ApiKey> selectedKeys = FXCollections.observableArrayList();
    private final ObjectProperty<GatewayDriver> driver = new SimpleObjectProperty<>();
    private final KeySearchIndex searchIndex = new KeySearchIndex();
    private volatile GatewayClient client;
    private Task<LoadedKeys> current;
    private Task<?> firstRowsOf;
    private String loadedFrom = "";
    private String pendingFocus;
    private io.keydeck.ui.authlog.ConsoleAuthFailures authFailures;

    public KeysViewModel(ActiveConnection connection, BackgroundTasks tasks, ResourceBundle messages,
                         RelativeTime time, StatusLine status, Navigation navigation) {
        this.connection = connection;
        this.tasks = tasks;
        this.messages = messages;
        this.time = time;
        this.status = status;
        connection.sessionProperty().addListener((obs, old, now) -> {
            allKeys.clear();
            searchIndex.clear();
            loadedFrom = "";
            updateSummary();
            client = null;
            driver.set(null);
            refresh();
        });
        filteredKeys.predicateProperty().bind(Bindings.createObjectBinding(() -> {
            searchIndex.startPass(allKeys, filter(), time.now());
            return searchIndex::passes;
        }, search, environmentFilter, statusFilter, showRevoked));
        filteredKeys.addListener((javafx.collections.ListChangeListener<ApiKey>) change -> updateSummary());
        selected.addListener((obs, old, key) -> details.setAll(key == null ? List.of() : describe(key)));
        navigation.keyFocusProperty().addListener((obs, old, focus) -> {
            if (focus != null) {
                focusOn(focus.keyId());
            }
        });
    }

    /** Every loaded key, whatever the filters say (for duplicate names and the leaked-key finder). */
    public ObservableList<ApiKey> allKeys() {
        return allKeys;
    }

    /** The rows selected in the table, for actions on several keys at once. */
    public ObservableList<ApiKey> selectedKeys() {
        return selectedKeys;
    }

    /** The driver of the loaded connection; null until the first load reached the gateway. */
    public ObjectProperty<GatewayDriver> driverProperty() {
        return driver;
    }

    /** The client of the loaded connection, for dialogs that act on keys; null before the first load. */
    public GatewayClient client() {
        return client;
    }

    public RelativeTime time() {
        return time;
    }

    /** Why {@code capability} cannot be used now, or null when it can. */
    public String unsupportedReason(Capability capability) {
        GatewayDriver current = driver.get();
        if (current == null) {
            return messages.getString("keys.notConnected");
        }
        if (!current.capabilities().contains(capability)) {
            return current.unsupportedReason(capability);
        }
        ConnectionSession session = connection.session();
        boolean changesKeys = capability == Capability.CREATE_KEY || capability == Capability.REVOKE_KEY
                || capability == Capability.RENAME_KEY || capability == Capability.DISABLE_KEY;
        return changesKeys && session != null ? session.manageBlockedReason().orElse(null) : null;
    }

    /** Puts {@code changed} in place of the key with the same id, keeping the row where it is. */
    public void replace(ApiKey changed) {
        for (int i = 0; i < allKeys.size(); i++) {
            if (allKeys.get(i).id().equals(changed.id())) {
                searchIndex.put(changed);
                boolean wasSelected = selected.get() != null && selected.get().id().equals(changed.id());
                allKeys.set(i, changed);
                if (wasSelected) {
                    selected.set(changed);
                }
                return;
            }
        }
    }

    /** Shows a key created in this session without reloading, and selects it. */
    public void add(ApiKey created) {
        searchIndex.put(created);
        allKeys.add(0, created);
        updateSummary();
        focusOn(created.id());
    }

    /** Renames or disables a key on the gateway; the row changes when the gateway agrees. */
    public Task<ApiKey> update(ApiKey key, KeyUpdate update) {
        GatewayClient target = client;
        Task<ApiKey> task = new Task<>() {
            @Override
            protected ApiKey call() throws GatewayException {
                return target.updateKey(key.id(), update);
            }
        };
        task.setOnSucceeded(e -> {
            replace(task.getValue());
            status.show(MessageFormat.format(messages.getString("keys.updated"), task.getValue().name()));
        });
        return tasks.run(task);
    }

    /**
     * Selects the key with {@code keyId}, relaxing the filters so it is visible; remembered until the
     * keys are loaded when they are not yet.
     */
    public void focusOn(String keyId) {
        pendingFocus = keyId;
        allKeys.stream().filter(k -> k.id().equals(keyId)).findFirst().ifPresent(key -> {
            pendingFocus = null;
            if (!filteredKeys.contains(key)) {
                search.set("");
                environmentFilter.set(null);
                statusFilter.set(null);
                showRevoked.set(showRevoked.get() || key.revoked());
            }
            selected.set(key);
        });
    }

    /** Where a 401/403 on listing keys is recorded for the Auth log ("this console"). */
    public KeysViewModel reportAuthFailuresTo(io.keydeck.ui.authlog.ConsoleAuthFailures failures) {
        this.authFailures = failures;
        return this;
    }

    /** Text typed into the search field: matches name, prefix, last four or a scope. */
    public StringProperty searchProperty() {
        return search;
    }

    /** Only keys of this environment; null for all. */
    public ObjectProperty<KeyEnvironment> environmentFilterProperty() {
        return environmentFilter;
    }

    /** Only keys with this status; null for all. */
    public ObjectProperty<KeyStatus> statusFilterProperty() {
        return statusFilter;
    }

    /** Revoked keys are hidden unless this is on (or the status filter asks for them). */
    public BooleanProperty showRevokedProperty() {
        return showRevoked;
    }

    public KeyFilter filter() {
        return new KeyFilter(search.get(), environmentFilter.get(), statusFilter.get(), showRevoked.get());
    }

    /** The key the details pane shows; null when none is selected. */
    public ObjectProperty<ApiKey> selectedProperty() {
        return selected;
    }

    /** The selected key's id for the clipboard; says so in the status bar. */
    public String copyKeyId() {
        String id = selected.get().id();
        status.show(MessageFormat.format(messages.getString("keys.copiedId"), id));
        return id;
    }

    /** Every field of the selected key, labelled, in reading order. */
    public ObservableList<KeyDetail> details() {
        return details;
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
        Task<LoadedKeys> task = new LoadKeysTask(session, allKeys.isEmpty());
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
        task.setOnSucceeded(e -> whenCurrent(task, () -> {
            driver.set(client == null ? null : client.driver());
            showKeys(session, task.getValue());
        }));
        task.setOnFailed(e -> whenCurrent(task, () -> {
            dropFirstRowsOf(task);
            showFailure(task.getException());
        }));
        task.setOnCancelled(e -> whenCurrent(task, () -> {
            dropFirstRowsOf(task);
            showCancelled();
        }));
        tasks.run(task);
    }

    /** Loads the keys unless a load already started (the window may start one before the view exists). */
    public void loadUnlessStarted() {
        if (current == null) {
            refresh();
        }
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

    /** The exact time of last use and where it came from, for the tooltip. */
    public String lastUsedDetail(ApiKey key) {
        if (key.lastUsedAt() == null) {
            return messages.getString("keys.neverUsed");
        }
        String when = time.exact(key.lastUsedAt());
        return key.lastUsedIp() == null || key.lastUsedIp().isBlank() ? when
                : MessageFormat.format(messages.getString("keys.lastUsedFrom"), when, key.lastUsedIp());
    }

    private List<KeyDetail> describe(ApiKey key) {
        List<KeyDetail> rows = new ArrayList<>();
        rows.add(detail("name", key.name(), false));
        rows.add(detail("id", key.id(), true));
        rows.add(detail("key", key.hint(), true));
        rows.add(detail("environment", key.environment().wireName(), false));
        rows.add(detail("status", statusText(status(key)), false));
        rows.add(detail("scopes", String.join(", ", key.scopes()), true));
        rows.add(detail("created", exactOrNever(key.createdAt()), false));
        rows.add(detail("lastUsed", exactOrNever(key.lastUsedAt()), false));
        rows.add(detail("lastUsedIp", key.lastUsedIp() == null ? "—" : key.lastUsedIp(), true));
        rows.add(detail("expires", key.expiresAt() == null ? expiresText(null) : exactOrNever(key.expiresAt()), false));
        rows.add(detail("disabled", messages.getString(key.disabled() ? "details.yes" : "details.no"), false));
        rows.add(detail("revoked", key.revoked() ? exactOrNever(key.revokedAt()) : messages.getString("details.no"),
                false));
        for (Map.Entry<String, String> extra : new java.util.TreeMap<>(key.attributes()).entrySet()) {
            rows.add(new KeyDetail(extra.getKey(), extra.getValue(), false));
        }
        return rows;
    }

    private KeyDetail detail(String field, String value, boolean monospace) {
        return new KeyDetail(messages.getString("details." + field), value == null || value.isEmpty() ? "—" : value,
                monospace);
    }

    private String exactOrNever(Instant when) {
        return when == null ? time.format(null) : time.exact(when);
    }

    private void updateSummary() {
        if (loadedFrom.isEmpty()) {
            summary.set("");
        } else if (filteredKeys.size() == allKeys.size()) {
            summary.set(MessageFormat.format(messages.getString("keys.summary"), loadedFrom, allKeys.size()));
        } else {
            summary.set(MessageFormat.format(messages.getString("keys.summaryFiltered"), loadedFrom,
                    filteredKeys.size(), allKeys.size()));
        }
    }

    private void whenCurrent(Task<?> task, Runnable action) {
        if (task == current) {
            loading.set(false);
            action.run();
        }
    }

    /**
     * Shows the first page of a load into an empty table while the rest arrives, so the rows are
     * built during the load rather than after it (half a second of the first frame with rows).
     */
    private void showFirstRows(Task<?> task, List<ApiKey> page) {
        if (task == current && allKeys.isEmpty()) {
            searchIndex.replaceAll(KeySearchIndex.texts(page));
            allKeys.setAll(page);
            firstRowsOf = task;
        }
    }

    /** A load that failed or was cancelled leaves the table as it found it: empty, not partial. */
    private void dropFirstRowsOf(Task<?> task) {
        if (firstRowsOf == task) {
            allKeys.clear();
            searchIndex.clear();
            firstRowsOf = null;
        }
    }

    private void showKeys(ConnectionSession session, LoadedKeys load) {
        firstRowsOf = null;
        List<ApiKey> loaded = load.keys();
        ApiKey wasSelected = selected.get();
        loadedFrom = session.displayName();
        searchIndex.replaceAll(load.searchTexts());
        allKeys.setAll(loaded);
        updateSummary();
        if (wasSelected != null) {
            selected.set(loaded.stream().filter(k -> k.id().equals(wasSelected.id())).findFirst().orElse(null));
        }
        status.show(MessageFormat.format(messages.getString("keys.loaded"), loaded.size()));
        if (pendingFocus != null) {
            focusOn(pendingFocus);
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
        errorText.set(description);
        status.show(messages.getString("keys.failed"));
    }

    private void showCancelled() {
        status.show(messages.getString("keys.cancelled"));
    }

    /** The keys of one load with their search texts, computed off the FX thread. */
    private record LoadedKeys(List<ApiKey> keys, Map<String, String> searchTexts) {
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
