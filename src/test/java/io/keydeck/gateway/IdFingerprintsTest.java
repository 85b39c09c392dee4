package io.keydeck.gateway;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The ids a paging guard has seen: each counted once, however often it comes and however large the set grows. */
class IdFingerprintsTest {

    @Test
    void everyIdIsNewOnceAndCountedOnceAcrossGrowth() {
        IdFingerprints seen = new IdFingerprints();
        for (int i = 0; i < 100_000; i++) {
            assertThat(seen.add("key_" + i)).as("key_%d the first time", i).isTrue();
        }
        for (int i = 0; i < 100_000; i += 7) {
            assertThat(seen.add("key_" + i)).as("key_%d again", i).isFalse();
        }
        assertThat(seen.size()).isEqualTo(100_000);
    }
}
