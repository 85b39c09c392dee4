package io.keydeck.ui.keys;

import io.keydeck.gateway.GatewayClient;
import io.keydeck.model.ApiKey;
import io.keydeck.model.SecretShapes;
import io.keydeck.model.VisibleText;
import io.keydeck.session.ConnectionSession;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
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
 * Finds which key of which saved connection a pasted secret or log line exposes. The pasted text is
 * scanned on this machine for key-shaped tokens, reduced to prefix and last four, and matched against
 * the active connection's loaded keys and the key lists of every other connection, fetched once the
 * first token shows up ({@link ConnectionKeyLists}); nothing of the text is sent, logged or kept after
 * {@link #clear()}. Runs on the FX thread.
 */
public final class LeakedKeyFinderViewModel {

    /** A key the token could be, the connection it belongs to and the client that listed it (to revoke it). */
    public record Found(ApiKey key, ConnectionSession connection, GatewayClient client) {
    }

    /** One key-shaped token found in the text, and the keys it could be (none when unknown). */
    public record Match(String hint, List<Found> keys) {
    }

    private final ObservableList<ApiKey> activeKeys;
    private final ConnectionSession active;
    private final ConnectionKeyLists others;
    private final ResourceBundle messages;
    private final StringProperty text = new SimpleStringProperty("");
    private final ObservableList<Match> matches = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ListChangeListener<ApiKey> keysChanged = change -> rebuild();
    private final StringBinding progress;
    private Map<String, List<Found>> index;

    /**
     * {@code activeKeys} are the active connection's loaded keys; {@code others} fetches the key lists of
     * the other saved connections.
     */
    public LeakedKeyFinderViewModel(ObservableList<ApiKey> activeKeys, ConnectionSession active,
                                    ConnectionKeyLists others, ResourceBundle messages) {
        this.activeKeys = activeKeys;
        this.active = active;
        this.others = others;
        this.messages = messages;
        activeKeys.addListener(keysChanged);
        text.addListener((obs, old, now) -> find());
        others.onChange(this::rebuild);
        progress = Bindings.createStringBinding(() -> text.get().isBlank() ? "" : MessageFormat.format(
                messages.getString("leaked.searchedShown"), VisibleText.escape(active.displayName(), 300),
                activeKeys.size()) + (others.progressProperty().get().isEmpty() ? ""
                : "\n" + others.progressProperty().get()), text, others.progressProperty(), activeKeys);
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

    /** True while other connections' key lists are being fetched. */
    public ReadOnlyBooleanProperty searchingProperty() {
        return others.searchingProperty();
    }

    /** A line per connection: "“Staging”: 48 loaded keys searched", "“Production”: searching…", what failed. */
    public StringBinding progressProperty() {
        return progress;
    }

    /** Stops fetching the other connections' keys; what arrived so far stays searched. */
    public void stopSearching() {
        others.cancel();
    }

    /** True when {@code found} belongs to the window's active connection. */
    public boolean isActive(Found found) {
        return found.connection() == active;
    }

    /** "mrk_live_…a1b2 is “Checkout” (live) on “Production” — still usable". */
    public String describe(Found found) {
        ApiKey key = found.key();
        String state = messages.getString(key.revoked() ? "leaked.alreadyRevoked" : "leaked.stillLive");
        return MessageFormat.format(messages.getString("leaked.match"), VisibleText.escape(key.hint(), 120),
                VisibleText.escape(key.name(), 300), key.environment().wireName(),
                VisibleText.escape(found.connection().displayName(), 300), state);
    }

    /** A key revoked from here: its line says so. */
    public void keyRevoked(ApiKey revoked) {
        others.replace(revoked);
        rebuild();
    }

    /** Forgets the pasted text and what was found and stops searching; the dialog calls it when it closes. */
    public void clear() {
        text.set("");
        matches.clear();
        activeKeys.removeListener(keysChanged);
        others.cancel();
    }

    private void rebuild() {
        index = null;
        find();
    }

    private void find() {
        List<SecretShapes.Found> tokens = SecretShapes.find(text.get());
        if (!tokens.isEmpty()) {
            others.startOnce();
        }
        if (index == null) {
            index = index();
        }
        Map<String, List<Found>> byHint = index;
        Map<String, List<Found>> found = new LinkedHashMap<>();
        for (SecretShapes.Found token : tokens) {
            found.putIfAbsent(token.hint(), byHint.getOrDefault(token.hint(), List.of()));
        }
        matches.setAll(found.entrySet().stream().map(e -> new Match(e.getKey(), List.copyOf(e.getValue()))).toList());
        long known = matches.stream().filter(m -> !m.keys().isEmpty()).count();
        summary.set(text.get().isBlank() ? "" : MessageFormat.format(messages.getString("leaked.summary"),
                matches.size(), known));
    }

    private Map<String, List<Found>> index() {
        Map<String, List<Found>> index = new HashMap<>();
        for (ApiKey key : activeKeys) {
            index.computeIfAbsent(key.hint(), h -> new ArrayList<>(1)).add(new Found(key, active, null));
        }
        others.forEachKey((key, session, client) -> index.computeIfAbsent(key.hint(), h -> new ArrayList<>(1))
                .add(new Found(key, session, client)));
        return index;
    }
}
