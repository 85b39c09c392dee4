package io.keydeck.ui.keys;

import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.GatewayDriver;
import io.keydeck.model.ApiKey;
import io.keydeck.model.Capability;
import io.keydeck.model.KeyStatus;
import io.keydeck.model.KeyUpdate;
import io.keydeck.ui.shell.ActiveConnection;
import io.keydeck.session.ConnectionSession;
import io.keydeck.ui.shell.Navigation;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.RelativeTime;
import io.keydeck.ui.common.RetryCountdown;
import io.keydeck.ui.common.StatusLine;
import io.keydeck.model.KeyEnvironment;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.concurrent.Task;

import java.text.MessageFormat;
import java.time.Instant;
import java.util.List;
import java.util.ResourceBundle;

/**
 * The Keys view's state: the keys of the active connection, whether they are loading, and what went
 * wrong. Loads on the app's background pool; every method is called on the FX thread.
 */
public final class KeysViewModel {
    /** How close a key is to its expiry, for the amber/red colouring. */
    public enum Expiry { NONE, LATER, SOON, PAST }

    private final ActiveConnection connection;
    private final BackgroundTasks tasks;
    private final ResourceBundle messages;
    private final RelativeTime time;
    private final StatusLine status;
    private final KeyTexts texts;
    private final KeyRows rows;
    private final KeyListLoader loader;

    private final ObjectProperty<ApiKey> selected = new SimpleObjectProperty<>();
    private final ObservableList<KeyDetail> details = FXCollections.observableArrayList();
    private final ObservableList<ApiKey> selectedKeys = FXCollections.observableArrayList();
    private String pendingFocus;

    public KeysViewModel(ActiveConnection connection, BackgroundTasks tasks, ResourceBundle messages,
                         RelativeTime time, StatusLine status, Navigation navigation) {
        this.connection = connection;
        this.tasks = tasks;
        this.messages = messages;
        this.time = time;
        this.status = status;
        this.texts = new KeyTexts(messages, time);
        this.rows = new KeyRows(messages, time);
        this.loader = new KeyListLoader(connection, tasks, messages, status, rows, this::showKeys);
        connection.sessionProperty().addListener((obs, old, now) -> {
            rows.clear();
            loader.forgetClient();
            refresh();
        });
        selected.addListener((obs, old, key) -> details.setAll(key == null ? List.of() : texts.details(key)));
        navigation.keyFocusProperty().addListener((obs, old, focus) -> {
            if (focus != null) {
                focusOn(focus.keyId());
            }
        });
    }

    /** Every loaded key, whatever the filters say (for duplicate names and the leaked-key finder). */
    public ObservableList<ApiKey> allKeys() {
        return rows.allKeys;
    }

    /** The rows selected in the table, for actions on several keys at once. */
    public ObservableList<ApiKey> selectedKeys() {
        return selectedKeys;
    }

    /** The driver of the loaded connection; null until the first load reached the gateway. */
    public ObjectProperty<GatewayDriver> driverProperty() {
        return loader.driver;
    }

    /** The client of the loaded connection, for dialogs that act on keys; null before the first load. */
    public GatewayClient client() {
        return loader.client();
    }

    public RelativeTime time() {
        return time;
    }

    /** Why {@code capability} cannot be used now, or null when it can. */
    public String unsupportedReason(Capability capability) {
        GatewayDriver current = loader.driver.get();
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
        boolean wasSelected = selected.get() != null && selected.get().id().equals(changed.id());
        if (rows.replace(changed) && wasSelected) {
            selected.set(changed);
        }
        // the table keeps the row selected but does not announce the new object: the commands read this list
        for (int i = 0; i < selectedKeys.size(); i++) {
            if (selectedKeys.get(i).id().equals(changed.id())) {
                selectedKeys.set(i, changed);
            }
        }
    }

    /** Shows a key created in this session without reloading, and selects it. */
    public void add(ApiKey created) {
        rows.addOnTop(created);
        focusOn(created.id());
    }

    /** Renames or disables a key on the gateway; the row changes when the gateway agrees. */
    public Task<ApiKey> update(ApiKey key, KeyUpdate update) {
        return update(key, update, loader.client());
    }

    /** As {@link #update(ApiKey, KeyUpdate)}, sent through {@code target} (the journaled view of the client). */
    public Task<ApiKey> update(ApiKey key, KeyUpdate update, GatewayClient target) {
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
        rows.allKeys.stream().filter(k -> k.id().equals(keyId)).findFirst().ifPresent(key -> {
            pendingFocus = null;
            rows.reveal(key);
            selected.set(key);
        });
    }

    /** Where a 401/403 on listing keys is recorded for the Auth log ("this console"). */
    public KeysViewModel reportAuthFailuresTo(io.keydeck.ui.shell.ConsoleAuthFailures failures) {
        loader.reportAuthFailuresTo(failures);
        return this;
    }

    /** Text typed into the search field: matches name, prefix, last four or a scope. */
    public StringProperty searchProperty() {
        return rows.search;
    }

    /** Only keys of this environment; null for all. */
    public ObjectProperty<KeyEnvironment> environmentFilterProperty() {
        return rows.environmentFilter;
    }

    /** Only keys with this status; null for all. */
    public ObjectProperty<KeyStatus> statusFilterProperty() {
        return rows.statusFilter;
    }

    /** Revoked keys are hidden unless this is on (or the status filter asks for them). */
    public BooleanProperty showRevokedProperty() {
        return rows.showRevoked;
    }

    /** Only keys of this owner (as the Owner column shows it); null for any owner. */
    public ObjectProperty<String> ownerFilterProperty() {
        return rows.ownerFilter;
    }

    /** The loaded keys' owners, sorted, for the owner filter's choices. */
    public ObservableList<String> owners() {
        return rows.owners;
    }

    /**
     * Text typed as "spend above": a number filters keys whose shown spend, in {@link #spendUnitProperty()}, is
     * above it; anything else filters none.
     */
    public StringProperty spendAboveProperty() {
        return rows.spendAbove;
    }

    /** The units the loaded keys' spend is counted in, commonest first, for the choice beside "spend above". */
    public ObservableList<String> spendUnits() {
        return rows.spendUnits.units;
    }

    /** The unit "spend above" compares in (the commonest by default); spend in another unit never matches. */
    public ObjectProperty<String> spendUnitProperty() {
        return rows.spendUnits.chosen;
    }

    /**
     * "Not compared: 2 keys counted in credits" while "spend above" holds an amount and some keys count their
     * spend in another unit than the chosen one; "" otherwise.
     */
    public javafx.beans.binding.StringBinding spendUnitNote() {
        return javafx.beans.binding.Bindings.createStringBinding(() -> {
            java.util.Map<String, Long> others = rows.spendUnits.otherUnits();
            if (rows.spendAboveAmount() == null || others.isEmpty()) {
                return "";
            }
            return MessageFormat.format(messages.getString("keys.filter.spendNotCompared"), String.join(", ",
                    others.entrySet().stream().map(e -> MessageFormat.format(messages.getString(
                            "keys.filter.spendInUnit"), e.getValue(), e.getKey())).toList()));
        }, rows.spendAbove, rows.spendUnits.chosen, rows.spendUnits.units, rows.allKeys);
    }

    /** True while {@link #spendAboveProperty()} holds text that is not an amount. */
    public boolean spendAboveInvalid() {
        return !rows.spendAbove.get().isBlank() && rows.spendAboveAmount() == null;
    }

    /** Only keys that used 90 % or more of their limit. */
    public BooleanProperty nearLimitProperty() {
        return rows.nearLimit;
    }

    public KeyFilter filter() {
        return rows.filter();
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
        return rows.keys;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loader.loading.getReadOnlyProperty();
    }

    /** What the loading overlay says: "Starting the local sandbox…", "Loaded 300 keys…". */
    public ReadOnlyStringProperty progressTextProperty() {
        return loader.progressText.getReadOnlyProperty();
    }

    /** The last failure as one line (message, code, request id); empty when the last load worked. */
    public ReadOnlyStringProperty errorTextProperty() {
        return loader.errorText.getReadOnlyProperty();
    }

    /** "Sandbox (local demo) · 42 keys". */
    public ReadOnlyStringProperty summaryProperty() {
        return rows.summary.getReadOnlyProperty();
    }

    /** (Re)loads every key, revoked ones included; a load still running is cancelled first. */
    public void refresh() {
        loader.refresh();
    }

    /** Loads the keys unless a load already started (the window may start one before the view exists). */
    public void loadUnlessStarted() {
        loader.loadUnlessStarted();
    }

    public void cancel() {
        loader.cancel();
    }

    /** The countdown of a rate-limited load to its automatic retry. */
    public RetryCountdown retry() {
        return loader.retry;
    }

    public String hint(ApiKey key) {
        return key.hint();
    }

    public KeyStatus status(ApiKey key) {
        return key.status(time.now());
    }

    public String statusText(KeyStatus keyStatus) {
        return texts.statusText(keyStatus);
    }

    /** "3 days ago", "in 5 days", or "never" for a missing time. */
    public String relative(Instant when) {
        return texts.relative(when);
    }

    /** Like {@link #relative} but an absent expiry reads "no expiry" rather than "never". */
    public String expiresText(Instant expiresAt) {
        return texts.expiresText(expiresAt);
    }

    public Expiry expiry(Instant expiresAt) {
        return texts.expiry(expiresAt);
    }

    public String exactTime(Instant when) {
        return texts.exactTime(when);
    }

    /** The exact time of last use and where it came from, for the tooltip. */
    public String lastUsedDetail(ApiKey key) {
        return texts.lastUsedDetail(key);
    }

    private void showKeys(ConnectionSession session, KeyListLoader.LoadedKeys load) {
        List<ApiKey> loaded = load.keys();
        ApiKey wasSelected = selected.get();
        rows.show(session.displayName(), load);
        if (wasSelected != null) {
            selected.set(loaded.stream().filter(k -> k.id().equals(wasSelected.id())).findFirst().orElse(null));
        }
        status.show(MessageFormat.format(messages.getString("keys.loaded"), loaded.size()));
        if (pendingFocus != null) {
            focusOn(pendingFocus);
        }
    }
}
