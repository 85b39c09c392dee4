package io.keydeck.ui.common;

import io.keydeck.gateway.WaitListener;
import javafx.concurrent.Task;

import java.util.concurrent.ExecutorService;

/**
 * Where the window's network and disk work runs, so the FX thread never blocks: the app's pool
 * ({@link #pool}), or, for tests, the calling thread ({@link #synchronous}) so a view model's work has
 * finished when the call that started it returns (a Task's handlers follow in the FX queue's next turn,
 * before anything the test posts after it), and nothing has to be waited for.
 */
public interface BackgroundTasks extends AutoCloseable {

    /** The app's pool of {@code threads} daemon threads. */
    static BackgroundTasks pool(int threads) {
        return new BackgroundPool(threads);
    }

    /** Runs every task at once on the calling thread (the FX thread in view-model tests). */
    static BackgroundTasks synchronous() {
        return new SynchronousTasks();
    }

    /** Runs {@code task}; call on the FX thread. A failure nobody handles is logged. */
    <T> Task<T> run(Task<T> task);

    /** Every wait a gateway call started here takes before a retry is told to {@code listener} (the status line). */
    void reportWaitsTo(WaitListener listener);

    /** For work that is not a {@link Task} (e.g. starting a server); prefer {@link #run(Task)}. */
    ExecutorService executor();

    /** True when no task started here is still running and every finished one's handlers have run; FX thread. */
    boolean idle();

    void cancelAll();

    @Override
    void close();
}
