package io.keydeck.ui.common;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Connections and the keychain wait for the window's first frame, then start in the order asked. */
class WaitingForFirstFrameTest {
    private final List<String> ran = new ArrayList<>();
    private final WaitingForFirstFrame opening = new WaitingForFirstFrame(Runnable::run);

    @Test
    void workWaitsForTheReleaseAndThenRunsInTheOrderGiven() {
        opening.execute(() -> ran.add("keychain"));
        opening.execute(() -> ran.add("sandbox"));
        assertThat(ran).isEmpty();

        opening.release();
        assertThat(ran).containsExactly("keychain", "sandbox");
    }

    @Test
    void afterTheReleaseWorkGoesStraightThrough() {
        opening.release();
        opening.execute(() -> ran.add("a connection added later"));
        assertThat(ran).containsExactly("a connection added later");

        opening.release();
        assertThat(ran).hasSize(1);
    }
}
