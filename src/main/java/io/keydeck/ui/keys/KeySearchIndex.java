package io.keydeck.ui.keys;

import io.keydeck.model.ApiKey;
import io.keydeck.model.KeyStatus;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Answers "does this key pass the filter?" for a whole refilter at once, so that typing in the search
 * field stays smooth with 100,000 keys: each key's lower-case search text is computed once per key
 * (not once per key per keystroke), a pass is decided in one tight loop over arrays before the
 * FilteredList asks, and when the query only grew, only the keys that matched the shorter query are
 * looked at again.
 *
 * <p>The FilteredList asks for the keys in list order, so the answers are served sequentially from
 * the array; any key that is not the expected next one is decided on the spot, so the answer is
 * always right even if the order assumption does not hold.
 */
final class KeySearchIndex {
    private Map<String, String> textById = new HashMap<>();
    private ApiKey[] orderedKeys = new ApiKey[0];
    private SearchCorpus corpus = new SearchCorpus(new String[0]);
    private boolean orderStale;
    private boolean[] passes = new boolean[0];
    private int[] matched = new int[0];
    private int matchedCount;
    private KeyFilter lastFilter;
    private KeyFilter filter = KeyFilter.everything();
    private Instant now = Instant.EPOCH;
    private int cursor;

    void rebuild(List<ApiKey> keys) {
        replaceAll(texts(keys));
    }

    /** Every key's search text by id, for {@link #replaceAll}; safe to call off the FX thread. */
    static Map<String, String> texts(List<ApiKey> keys) {
        String[] computed = new String[keys.size()];
        IntStream.range(0, computed.length).parallel().forEach(i -> computed[i] = searchText(keys.get(i)));
        Map<String, String> texts = new HashMap<>(keys.size() * 4 / 3 + 1);
        for (int i = 0; i < computed.length; i++) {
            texts.put(keys.get(i).id(), computed[i]);
        }
        return texts;
    }

    /** Takes over {@code texts} (a mutable map from {@link #texts}) as the index. */
    void replaceAll(Map<String, String> texts) {
        textById = texts;
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

    /** Call before a refilter of {@code keys} with {@code newFilter}: decides every key up front. */
    void startPass(List<ApiKey> keys, KeyFilter newFilter, Instant at) {
        boolean reordered = orderStale || orderedKeys.length != keys.size();
        if (reordered) {
            orderedKeys = keys.toArray(new ApiKey[0]);
            String[] texts = new String[orderedKeys.length];
            for (int i = 0; i < orderedKeys.length; i++) {
                texts[i] = lookUp(orderedKeys[i]);
            }
            corpus = new SearchCorpus(texts);
            passes = new boolean[orderedKeys.length];
            matched = new int[orderedKeys.length];
            orderStale = false;
        }
        filter = newFilter;
        now = at;
        if (!reordered && narrows(lastFilter, newFilter)) {
            narrow(newFilter.search());
        } else {
            decideAll(newFilter, at);
        }
        lastFilter = newFilter;
        cursor = 0;
    }

    /** Whether {@code key} passes the filter of the current pass. */
    boolean passes(ApiKey key) {
        int i = cursor;
        if (i < orderedKeys.length && orderedKeys[i] == key) {
            cursor = i + 1;
            return passes[i];
        }
        return filter.matches(key, filter.search().isEmpty() ? "" : lookUp(key), now);
    }

    /**
     * A longer query with the same other choices can only drop keys. A status filter is left out
     * because a key's expiry depends on the time of the pass.
     */
    private static boolean narrows(KeyFilter before, KeyFilter after) {
        return before != null && after.status() == null && before.status() == null
                && before.environment() == after.environment() && before.showRevoked() == after.showRevoked()
                && before.account().equals(after.account())
                && after.search().startsWith(before.search());
    }

    private void narrow(String search) {
        SearchCorpus.Query query = new SearchCorpus.Query(search);
        int kept = 0;
        for (int m = 0; m < matchedCount; m++) {
            int i = matched[m];
            if (corpus.contains(i, query)) {
                matched[kept++] = i;
            } else {
                passes[i] = false;
            }
        }
        matchedCount = kept;
    }

    private void decideAll(KeyFilter newFilter, Instant at) {
        String search = newFilter.search();
        SearchCorpus.Query query = new SearchCorpus.Query(search);
        boolean everyText = search.isEmpty();
        boolean hideRevoked = !newFilter.showRevoked() && newFilter.status() != KeyStatus.REVOKED;
        int count = 0;
        for (int i = 0; i < orderedKeys.length; i++) {
            ApiKey key = orderedKeys[i];
            boolean pass = (everyText || corpus.contains(i, query))
                    && !(hideRevoked && key.revoked())
                    && (newFilter.environment() == null || key.environment() == newFilter.environment())
                    && (newFilter.status() == null || key.status(at) == newFilter.status())
                    && newFilter.account().matches(key);
            passes[i] = pass;
            if (pass) {
                matched[count++] = i;
            }
        }
        matchedCount = count;
    }

    private String lookUp(ApiKey key) {
        String text = textById.get(key.id());
        return text != null ? text : searchText(key);
    }

    /** Fields joined by a character nobody types, so a search never matches across two fields. */
    static String searchText(ApiKey key) {
        // the hint with its "…" already as searchable()'s stand-in: the text never needs two bytes per char
        StringBuilder text = new StringBuilder(key.name()).append('\u0001').append(key.prefix()).append('\u0002')
                .append(key.lastFour());
        for (String scope : key.scopes()) {
            text.append('\u0001').append(scope);
        }
        return searchable(text.toString());
    }

    /**
     * Lower case, and the hint's "…" as a one-byte stand-in: one character outside Latin-1 makes
     * Java store the whole string in two bytes per character, and matching such text is several
     * times slower. Applied to the typed query too, so a pasted hint still matches.
     */
    static String searchable(String text) {
        return text.toLowerCase(Locale.ROOT).replace('\u2026', '\u0002');
    }
}
