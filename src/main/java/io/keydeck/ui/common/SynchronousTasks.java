package io.keydeck.ui.common;

import io.keydeck.gateway.WaitListener;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Background work done in the foreground, for tests: a task's work is done when {@link #run} returns;
 * its state changes and handlers are already queued on the FX thread.
 */
final class SynchronousTasks implements BackgroundTasks {
    private static final Logger LOG = LoggerFactory.getLogger(SynchronousTasks.class);
    private volatile boolean shutdown;
    private volatile WaitListener waits = WaitListener.NONE;

    private final ExecutorService inline = new AbstractExecutorService() {
        @Override
        public void execute(Runnable command) {
            if (shutdown) {
                throw new java.util.concurrent.RejectedExecutionException("closed");
            }
            command.run();
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    };

    @Override
    public <T> Task<T> run(Task<T> task) {
        task.stateProperty().addListener((obs, old, state) -> {
            if (state == javafx.concurrent.Worker.State.FAILED && task.getOnFailed() == null) {
                LOG.error("Background task failed", task.getException());
            }
        });
        inline.execute(TaskScopes.around(task, waits));
        return task;
    }

    @Override
    public void reportWaitsTo(WaitListener listener) {
        this.waits = listener == null ? WaitListener.NONE : listener;
    }

    @Override
    public ExecutorService executor() {
        return inline;
    }

    @Override
    public boolean idle() {
        return true;
    }

    @Override
    public void cancelAll() {
        // nothing is ever still running
    }

    @Override
    public void close() {
        inline.shutdown();
    }
}
