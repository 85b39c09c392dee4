package io.keydeck.ui.keys;

import io.keydeck.model.Amount;
import io.keydeck.model.ApiKey;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The units the loaded keys' spend is counted in ("USD", "credits", …), commonest first, and the one the
 * "spend above" filter compares in: the commonest until the user picks another, kept while some key still
 * counts in it. Amounts in different units are never converted into each other.
 */
final class SpendUnits {
    final ObservableList<String> units = FXCollections.observableArrayList();
    final ObjectProperty<String> chosen = new SimpleObjectProperty<>();
    private Map<String, Long> counts = Map.of();

    /** Counts the units of {@code keys}' shown spend again, keeping the choice while it is still among them. */
    void update(List<ApiKey> keys) {
        counts = keys.stream().map(k -> k.account().shownSpend()).flatMap(Optional::stream)
                .collect(Collectors.groupingBy(Amount::unit, Collectors.counting()));
        List<String> now = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        if (!now.equals(units)) {
            units.setAll(now);
        }
        if (chosen.get() == null || !now.contains(chosen.get())) {
            chosen.set(now.isEmpty() ? null : now.get(0));
        }
    }

    /** How many loaded keys count their spend in each unit other than the chosen one, commonest first. */
    Map<String, Long> otherUnits() {
        return units.stream().filter(u -> !u.equals(chosen.get()))
                .collect(Collectors.toMap(Function.identity(), counts::get, (a, b) -> a, LinkedHashMap::new));
    }

    /** True when the loaded keys count their spend in more than one unit. */
    boolean mixed() {
        return units.size() > 1;
    }
}
