package io.keydeck.ui.keys;

import io.keydeck.model.ApiKey;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The lower-case text each key is searched by, computed once per key instead of once per key per
 * keystroke: with 100,000 keys this is what keeps typing in the search field smooth.
 *
 * <p>A refilter asks for the keys in list order, so besides the map by id the index keeps the texts
 * in an array in that order and serves a pass from it sequentially (no hashing, memory read in
 * order); any key that is not the expected next one falls back to the map, so the answer is always
 * right even if the order assumption does not hold.
 */
final class KeySearchIndex {
    private final Map<String, String> textById = new HashMap<>();
    private ApiKey[] orderedKeys = new ApiKey[0];
    private String[] orderedTexts = new String[0];
    private boolean orderStale;
    private int cursor;

    void rebuild(List<ApiKey> keys) {
        textById.clear();
        keys.forEach(key -> textById.put(key.id(), searchText(key)));
        orderStale = true;
    }

    void put(ApiKey key) {
        textById.put(key.id(), searchText(key));
        orderStale = true;
    }

    void clear() {
        textById.clear();
        orderStale = true;
    }

    /** Call before a refilter of {@code keys}: the next lookups are expected in this order. */
    void startPass(List<ApiKey> keys) {
        if (orderStale || orderedKeys.length != keys.size()) {
            orderedKeys = keys.toArray(new ApiKey[0]);
            orderedTexts = new String[orderedKeys.length];
            for (int i = 0; i < orderedKeys.length; i++) {
                orderedTexts[i] = lookUp(orderedKeys[i]);
            }
            orderStale = false;
        }
        cursor = 0;
    }

    /** The key's search text; computed on the spot for a key the index has not seen. */
    String textOf(ApiKey key) {
        int i = cursor;
        if (i < orderedKeys.length && orderedKeys[i] == key) {
            cursor = i + 1;
            return orderedTexts[i];
        }
        return lookUp(key);
    }

    private String lookUp(ApiKey key) {
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
