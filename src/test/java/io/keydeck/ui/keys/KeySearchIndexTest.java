package io.keydeck.ui.keys;

import io.keydeck.model.ApiKey;
import io.keydeck.ui.TestKeys;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KeySearchIndexTest {
    private final List<ApiKey> keys = new ArrayList<>(List.of(TestKeys.active("key_0001", "Checkout"),
            TestKeys.active("key_0002", "Billing"), TestKeys.active("key_0003", "Search")));

    @Test
    void answersRightInListOrderOutOfOrderAndAfterAChange() {
        KeySearchIndex index = new KeySearchIndex();
        index.rebuild(keys);
        index.startPass(keys);
        assertThat(index.textOf(keys.get(0))).startsWith("checkout");
        assertThat(index.textOf(keys.get(2))).startsWith("search");
        assertThat(index.textOf(keys.get(1))).startsWith("billing");

        ApiKey renamed = keys.get(1).withName("Invoices");
        keys.set(1, renamed);
        index.put(renamed);
        index.startPass(keys);
        assertThat(keys.stream().map(index::textOf).map(t -> t.substring(0, t.indexOf('\u0001'))))
                .containsExactly("checkout", "invoices", "search");
        assertThat(index.textOf(TestKeys.active("key_0009", "Unseen"))).contains("unseen").contains("chat");
    }
}
