package io.keydeck.ui.common;

import io.keydeck.gateway.WaitListener;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The app's one pool for network and disk work, so the FX thread never blocks and closing the window
 * can cancel everything still running. Daemon threads: a stuck request never keeps the JVM alive.
 */
final class BackgroundPool implements BackgroundTasks {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundPool.class);

    private final ExecutorService executor;
    private final Set<Task<?>> running = ConcurrentHashMap.newKeySet();
    private volatile WaitListener waits = WaitListener.NONE;

    BackgroundPool(int threads) {
        this.executor = Executors.newFixedThreadPool(threads, daemonThreads());
    }

    @Override
    public <T> Task<T> run(Task<T> task) {
        running.add(task);
        task.stateProperty().addListener((obs, old, state) -> {
            if (state == Worker.State.SUCCEEDED || state == Worker.State.FAILED
                    || state == Worker.State.CANCELLED) {
                running.remove(task);
            }
            if (state == Worker.State.FAILED && task.getOnFailed() == null) {
                LOG.error("Background task failed", task.getException());
            }
        });
        executor.execute(TaskScopes.around(task, waits));
        return task;
    }

    @Override
    public void reportWaitsTo(WaitListener listener) {
        this.waits = listener == null ? WaitListener.NONE : listener;
    }

    @Override
    public ExecutorService executor() {
        return executor;
    }

    @Override
    public boolean idle() {
        return running.isEmpty();
    }

    @Override
    public void cancelAll() {
        running.forEach(Task::cancel);
    }

    @Override
    public void close() {
        cancelAll();
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.warn("Background tasks still running at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "keydeck-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
