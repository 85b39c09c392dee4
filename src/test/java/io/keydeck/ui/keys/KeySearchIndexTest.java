package io.keydeck.ui.keys;

import io.keydeck.model.ApiKey;
import io.keydeck.ui.TestKeys;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

class KeySearchIndexTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final List<ApiKey> keys = new ArrayList<>(List.of(TestKeys.active("key_0001", "Checkout"),
            TestKeys.active("key_0002", "Billing"), TestKeys.active("key_0003", "Search"),
            TestKeys.active("key_0004", "Billing EU")));

    private List<String> passing(KeySearchIndex index, String search) {
        index.startPass(keys, new KeyFilter(search, null, null, true), NOW);
        Predicate<ApiKey> passes = index::passes;
        return keys.stream().filter(passes).map(ApiKey::name).toList();
    }

    @Test
    void aGrowingQueryNarrowsAndAShorterOneWidensAgain() {
        KeySearchIndex index = new KeySearchIndex();
        index.rebuild(keys);
        assertThat(passing(index, "b")).containsExactly("Billing", "Billing EU");
        assertThat(passing(index, "billing e")).containsExactly("Billing EU");
        assertThat(passing(index, "billing ex")).isEmpty();
        assertThat(passing(index, "bil")).containsExactly("Billing", "Billing EU");
        assertThat(passing(index, "")).hasSize(4);
    }

    @Test
    void answersRightOutOfOrderAndAfterAChange() {
        KeySearchIndex index = new KeySearchIndex();
        index.rebuild(keys);
        index.startPass(keys, new KeyFilter("search", null, null, true), NOW);
        assertThat(index.passes(keys.get(2))).isTrue();
        assertThat(index.passes(keys.get(0))).isFalse();

        ApiKey renamed = keys.get(1).withName("Search again");
        keys.set(1, renamed);
        index.put(renamed);
        assertThat(passing(index, "search")).containsExactly("Search again", "Search");
        assertThat(passing(index, "search a")).containsExactly("Search again");
        index.startPass(keys, new KeyFilter("unseen", null, null, true), NOW);
        assertThat(index.passes(TestKeys.active("key_0009", "Unseen"))).isTrue();
    }

    @Test
    void aPastedHintWithItsEllipsisStillFindsTheKey() {
        KeySearchIndex index = new KeySearchIndex();
        index.rebuild(keys);
        String hint = keys.get(2).hint();
        assertThat(hint).contains("\u2026");

        assertThat(passing(index, hint.toUpperCase(java.util.Locale.ROOT))).containsExactly("Search");
        assertThat(new KeyFilter(hint, null, null, true).matches(keys.get(2), NOW)).isTrue();
        assertThat(new KeyFilter(hint, null, null, true).matches(keys.get(0), NOW)).isFalse();
    }
}
