package io.keydeck.ui.common;

import io.keydeck.gateway.CancelSignal;
import io.keydeck.gateway.WaitListener;
import javafx.concurrent.Task;

/** How every {@link BackgroundTasks} runs a task: retry waits told to the status line, Cancel heard by the HTTP layer. */
final class TaskScopes {
    private TaskScopes() {
    }

    static Runnable around(Task<?> task, WaitListener waits) {
        return () -> {
            try (WaitListener.Scope waitsShown = WaitListener.onThisThread(waits);
                 CancelSignal.Scope cancellable = CancelSignal.onThisThread(task::isCancelled)) {
                task.run();
            }
        };
    }
}
