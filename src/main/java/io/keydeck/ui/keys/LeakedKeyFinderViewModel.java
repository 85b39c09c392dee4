package io.keydeck.ui.keys;

import io.keydeck.model.ApiKey;
import io.keydeck.model.SecretShapes;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * Finds which of the loaded keys a pasted secret or log line exposes. Works only on this machine:
 * the pasted text is scanned for key-shaped tokens, reduced to prefix and last four, and matched
 * against the keys already loaded; nothing of it is sent, logged or kept after {@link #clear()}.
 */
public final class LeakedKeyFinderViewModel {

    /** One key-shaped token found in the text, and the loaded keys it could be (none when unknown). */
    public record Match(String hint, List<ApiKey> keys) {
    }

    private final ObservableList<ApiKey> allKeys;
    private final ResourceBundle messages;
    private final StringProperty text = new SimpleStringProperty("");
    private final ObservableList<Match> matches = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ListChangeListener<ApiKey> keysChanged = change -> rebuild();
    private Map<String, List<ApiKey>> keysByHint = Map.of();

    public LeakedKeyFinderViewModel(ObservableList<ApiKey> allKeys, ResourceBundle messages) {
        this.allKeys = allKeys;
        this.messages = messages;
        allKeys.addListener(keysChanged);
        text.addListener((obs, old, now) -> find());
        rebuild();
    }

    /** What the user pasted. */
    public StringProperty textProperty() {
        return text;
    }

    public ObservableList<Match> matches() {
        return matches;
    }

    /** "1 key-shaped token found; it matches 1 of your keys." */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Forgets the pasted text and what was found; the dialog calls it when it closes. */
    public void clear() {
        text.set("");
        matches.clear();
        allKeys.removeListener(keysChanged);
    }

    private void rebuild() {
        Map<String, List<ApiKey>> index = new HashMap<>();
        for (ApiKey key : allKeys) {
            index.computeIfAbsent(key.hint(), h -> new ArrayList<>(1)).add(key);
        }
        keysByHint = index;
        find();
    }

    private void find() {
        Map<String, List<ApiKey>> found = new LinkedHashMap<>();
        for (SecretShapes.Found token : SecretShapes.find(text.get())) {
            found.putIfAbsent(token.hint(), keysByHint.getOrDefault(token.hint(), List.of()));
        }
        matches.setAll(found.entrySet().stream().map(e -> new Match(e.getKey(), List.copyOf(e.getValue()))).toList());
        long known = matches.stream().filter(m -> !m.keys().isEmpty()).count();
        summary.set(text.get().isBlank() ? "" : MessageFormat.format(messages.getString("leaked.summary"),
                matches.size(), known));
    }
}
