package io.keydeck.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretShapesTest {
    private static final String LIVE = "mrk_live_Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z";

    @Test
    void findsKeysInALogLineAndComputesHintsLocally() {
        var found = SecretShapes.find("2026-11-26 GET /v1 401 auth=" + LIVE + " ip=10.0.0.1");
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.prefix()).isEqualTo("mrk_live_");
            assertThat(f.lastFour()).isEqualTo("Xy4z");
            assertThat(f.hint()).isEqualTo("mrk_live_…Xy4z");
        });
    }

    @Test
    void leavesOrdinaryTextAlone() {
        assertThat(SecretShapes.find("sk-short")).isEmpty();
    }
}
