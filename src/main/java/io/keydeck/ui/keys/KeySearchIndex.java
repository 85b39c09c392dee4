package io.keydeck.ui.keys;

import io.keydeck.model.ApiKey;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The lower-case text each key is searched by, computed once per key instead of once per key per
 * keystroke: with 100,000 keys this is what keeps typing in the search field smooth.
 */
final class KeySearchIndex {
    private final Map<String, String> textById = new HashMap<>();

    void rebuild(List<ApiKey> keys) {
        textById.clear();
        keys.forEach(this::put);
    }

    void put(ApiKey key) {
        textById.put(key.id(), searchText(key));
    }

    void clear() {
        textById.clear();
    }

    /** The key's search text; computed on the spot for a key the index has not seen. */
    String textOf(ApiKey key) {
        String text = textById.get(key.id());
        return text != null ? text : searchText(key);
    }

    /** Fields joined by a character nobody types, so a search never matches across two fields. */
    static String searchText(ApiKey key) {
        StringBuilder text = new StringBuilder(key.name()).append('\u0001').append(key.hint());
        for (String scope : key.scopes()) {
            text.append('\u0001').append(scope);
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }
}
