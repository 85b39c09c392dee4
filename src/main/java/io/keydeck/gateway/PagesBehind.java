package io.keydeck.gateway;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The pages of a listing handed to their consumer on a thread of its own, so that the next page is
 * downloaded and parsed while this one is written (what {@code keydeck keys list} and {@code report}
 * spend most of their time on). At most one page waits: {@link #accept} first waits until the page
 * before has been handled, so memory stays at about two pages. Whatever the consumer throws comes out
 * of the next {@link #accept} or of {@link #finish}, on the caller's thread.
 *
 * <pre>{@code
 * try (PagesBehind<ApiKey> behind = new PagesBehind<>(printer::print)) {
 *     client.eachKeyPage(false, behind);
 *     behind.finish();
 * }
 * }</pre>
 */
public final class PagesBehind<T> implements Consumer<List<T>>, AutoCloseable {
    private final Consumer<List<T>> consumer;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "keydeck-pages");
        t.setDaemon(true);
        return t;
    });
    private Future<?> pending = CompletableFuture.completedFuture(null);

    public PagesBehind(Consumer<List<T>> consumer) {
        this.consumer = consumer;
    }

    /**
     * Waits for the page before, then hands this one on. Interrupted while waiting, it hands nothing on
     * and keeps the interrupt for the listing's own check, which ends it.
     */
    @Override
    public void accept(List<T> page) {
        try {
            awaitPending();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        pending = thread.submit(() -> consumer.accept(page));
    }

    /** Waits until the last page has been handled; throws what handling it threw. */
    public void finish() throws InterruptedException {
        awaitPending();
    }

    /**
     * Lets the page being handled finish (what arrived before a failure is still written), then ends the
     * thread. What that page threw is dropped here: the failure that closes us early is the one to report.
     */
    @Override
    public void close() {
        try {
            pending.get();
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
        } catch (ExecutionException | CancellationException e) {
            // see above
        } finally {
            thread.shutdownNow();
        }
    }

    private void awaitPending() throws InterruptedException {
        try {
            pending.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("a page's consumer failed", cause);
        }
    }
}
