package io.keydeck.ui.keys;

import io.keydeck.model.ApiKey;
import io.keydeck.model.KeyEnvironment;
import io.keydeck.model.KeyStatus;
import io.keydeck.ui.common.RelativeTime;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;

/** The table's rows: every loaded key, narrowed by search and filters through the search index, and the count. */
final class KeyRows {
    private final ResourceBundle messages;

    final ObservableList<ApiKey> allKeys = FXCollections.observableArrayList();
    private final FilteredList<ApiKey> filteredKeys = new FilteredList<>(allKeys);
    final SortedList<ApiKey> keys = new SortedList<>(filteredKeys);
    final KeySearchIndex searchIndex = new KeySearchIndex();
    final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    final StringProperty search = new SimpleStringProperty("");
    final ObjectProperty<KeyEnvironment> environmentFilter = new SimpleObjectProperty<>();
    final ObjectProperty<KeyStatus> statusFilter = new SimpleObjectProperty<>();
    final BooleanProperty showRevoked = new SimpleBooleanProperty(false);
    final ObjectProperty<String> ownerFilter = new SimpleObjectProperty<>();
    final StringProperty spendAbove = new SimpleStringProperty("");
    final BooleanProperty nearLimit = new SimpleBooleanProperty(false);
    final ObservableList<String> owners = FXCollections.observableArrayList();
    final SpendUnits spendUnits = new SpendUnits();
    private String loadedFrom = "";

    KeyRows(ResourceBundle messages, RelativeTime time) {
        this.messages = messages;
        filteredKeys.predicateProperty().bind(Bindings.createObjectBinding(() -> {
            searchIndex.startPass(allKeys, filter(), time.now());
            return searchIndex::passes;
        }, search, environmentFilter, statusFilter, showRevoked, ownerFilter, spendAbove, spendUnits.chosen, nearLimit));
        filteredKeys.addListener((ListChangeListener<ApiKey>) change -> updateSummary());
        allKeys.addListener((ListChangeListener<ApiKey>) change -> {
            updateOwners();
            spendUnits.update(allKeys);
        });
    }

    KeyFilter filter() {
        return new KeyFilter(search.get(), environmentFilter.get(), statusFilter.get(), showRevoked.get(),
                new AccountFilter(ownerFilter.get(), spendAboveAmount(), spendUnits.chosen.get(), nearLimit.get()));
    }

    /** The amount typed as "spend above"; null while the field is empty or holds no number (then it filters nothing). */
    BigDecimal spendAboveAmount() {
        try {
            BigDecimal amount = new BigDecimal(spendAbove.get().strip().replaceAll("^[$\u20ac\u00a3]", ""));
            return amount.signum() < 0 ? null : amount;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void updateOwners() {
        List<String> now = allKeys.stream().map(k -> k.account().ownerText()).filter(o -> !o.isEmpty()).distinct()
                .sorted(String.CASE_INSENSITIVE_ORDER).toList();
        if (!now.equals(owners)) {
            owners.setAll(now);
        }
    }

    /** Empties the table of a connection that is no longer the active one. */
    void clear() {
        allKeys.clear();
        searchIndex.clear();
        loadedFrom = "";
        updateSummary();
    }

    /** Shows a complete load from the connection named {@code from}. */
    void show(String from, KeyListLoader.LoadedKeys load) {
        loadedFrom = from;
        searchIndex.replaceAll(load.searchTexts());
        allKeys.setAll(load.keys());
        updateSummary();
    }

    /** Puts {@code changed} in place of the key with the same id; false when no row has that id. */
    boolean replace(ApiKey changed) {
        for (int i = 0; i < allKeys.size(); i++) {
            if (allKeys.get(i).id().equals(changed.id())) {
                searchIndex.put(changed);
                allKeys.set(i, changed);
                return true;
            }
        }
        return false;
    }

    void addOnTop(ApiKey created) {
        searchIndex.put(created);
        allKeys.add(0, created);
        updateSummary();
    }

    /** Clears the search and filters when {@code key} is hidden by them (showing revoked keys if it is one). */
    void reveal(ApiKey key) {
        if (!filteredKeys.contains(key)) {
            search.set("");
            environmentFilter.set(null);
            statusFilter.set(null);
            ownerFilter.set(null);
            spendAbove.set("");
            nearLimit.set(false);
            showRevoked.set(showRevoked.get() || key.revoked());
        }
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
}
