package io.keydeck.ui.keys;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SearchCorpusTest {
    private final SearchCorpus corpus = new SearchCorpus(new String[] {"billing\u0001mrk_live_\u0002ab12", "cdé",
        "зарплата\u0001chat:write", "", "b"});

    private int[] matching(String query) {
        SearchCorpus.Query prepared = new SearchCorpus.Query(query);
        return IntStream.range(0, corpus.size()).filter(i -> corpus.contains(i, prepared)).toArray();
    }

    @Test
    void findsTextsAnywhereButNeverAcrossTwoNeighbours() {
        assertThat(matching("ab12")).containsExactly(0);
        assertThat(matching("2cd")).as("end of one text + start of the next").isEmpty();
        assertThat(matching("b")).containsExactly(0, 4);
        assertThat(matching("billing\u0001mrk_live_\u0002ab12x")).isEmpty();
        assertThat(matching("")).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void latin1AccentsAndOtherScriptsAreSearchedToo() {
        assertThat(matching("dé")).containsExactly(1);
        assertThat(matching("плат")).containsExactly(2);
        assertThat(matching("chat:w")).containsExactly(2);
    }
}
