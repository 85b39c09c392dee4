package io.keydeck.authlog;

import io.keydeck.model.AuthEvent;
import io.keydeck.model.Page;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static io.keydeck.authlog.TestEvents.T0;
import static io.keydeck.authlog.TestEvents.invalid;
import static org.assertj.core.api.Assertions.assertThat;

class AuthEventWindowTest {

    private static List<AuthEvent> newestFirst(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> invalid("e" + i, T0.minusSeconds(i), "abcd", "10.0.0.1"))
                .toList();
    }

    @Test
    void overlappingPagesAndRepeatedPollsKeepEachEventOnce() {
        AuthEventWindow window = new AuthEventWindow(1000);
        assertThat(window.hasMore()).as("nothing loaded yet").isTrue();
        window.addOlder(new Page<>(newestFirst(0, 10), "c1"));
        window.addOlder(new Page<>(newestFirst(8, 20), null));
        assertThat(window.events()).extracting(AuthEvent::id).hasSize(20).doesNotHaveDuplicates();
        assertThat(window.hasMore()).isFalse();

        List<AuthEvent> fresh = window.addNewer(List.of(invalid("n1", T0.plusSeconds(5), "abcd", "x"),
                window.newest(), invalid("n2", T0.plusSeconds(9), "abcd", "x")));
        assertThat(fresh).extracting(AuthEvent::id).containsExactly("n2", "n1");
        assertThat(window.events()).extracting(AuthEvent::id).startsWith("n2", "n1", "e0").hasSize(22);
    }

    @Test
    void pagingStopsAtTheCapacityAndLiveTailDropsTheOldest() {
        AuthEventWindow window = new AuthEventWindow(25);
        window.addOlder(new Page<>(newestFirst(0, 20), "c1"));
        window.addOlder(new Page<>(newestFirst(20, 40), "c2"));
        assertThat(window.size()).isEqualTo(25);
        assertThat(window.isFull()).isTrue();
        assertThat(window.cursor()).isNull();
        assertThat(window.hasMore()).isFalse();

        window.addNewer(List.of(invalid("n1", T0.plusSeconds(1), "abcd", "x")));
        assertThat(window.size()).isEqualTo(25);
        assertThat(window.events().get(0).id()).isEqualTo("n1");
        assertThat(window.events().get(24).id()).isEqualTo("e23");
    }
}
