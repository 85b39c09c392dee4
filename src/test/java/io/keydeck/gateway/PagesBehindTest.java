package io.keydeck.gateway;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagesBehindTest {
    @Test
    void everyPageIsHandledInOrderOnAnotherThread() throws Exception {
        List<Integer> handled = Collections.synchronizedList(new ArrayList<>());
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        try (PagesBehind<Integer> behind = new PagesBehind<>(page -> {
            threads.add(Thread.currentThread().getName());
            handled.addAll(page);
        })) {
            for (int i = 0; i < 100; i++) {
                behind.accept(List.of(2 * i, 2 * i + 1));
            }
            behind.finish();
        }
        assertThat(handled).hasSize(200).isSorted();
        assertThat(threads).containsOnly("keydeck-pages");
    }

    @Test
    void theNextPageWaitsUntilThePageBeforeIsHandled() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        List<Integer> handled = Collections.synchronizedList(new ArrayList<>());
        try (PagesBehind<Integer> behind = new PagesBehind<>(page -> {
            if (page.get(0) == 1) {
                firstStarted.countDown();
                await(releaseFirst);
            }
            handled.addAll(page);
        })) {
            behind.accept(List.of(1));
            assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
            Thread second = new Thread(() -> behind.accept(List.of(2)));
            second.start();
            second.join(300);
            assertThat(second.isAlive()).as("the second page waits for the first").isTrue();
            releaseFirst.countDown();
            second.join(10_000);
            assertThat(second.isAlive()).isFalse();
            behind.finish();
        }
        assertThat(handled).containsExactly(1, 2);
    }

    @Test
    void whatTheConsumerThrowsComesOutOnTheCallersThread() {
        PagesBehind<Integer> behind = new PagesBehind<>(page -> {
            throw new IllegalStateException("stdout closed");
        });
        behind.accept(List.of(1));
        assertThatThrownBy(behind::finish).isInstanceOf(IllegalStateException.class).hasMessage("stdout closed");
        behind.close();
    }

    @Test
    void closingLetsThePageBeingWrittenFinish() {
        List<Integer> handled = Collections.synchronizedList(new ArrayList<>());
        PagesBehind<Integer> behind = new PagesBehind<>(page -> {
            for (int i = 0; i < 1_000; i++) {
                handled.add(i);
                Thread.onSpinWait();
            }
        });
        behind.accept(List.of(1));
        behind.close(); // as a listing that failed on the next page does
        assertThat(handled).hasSize(1_000);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
