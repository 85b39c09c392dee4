package io.keydeck.ui.keys;

import io.keydeck.model.ApiKey;
import io.keydeck.ui.common.BackgroundTasks;
import javafx.application.Platform;
import javafx.concurrent.Task;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Sends one change per key, key after key, on the app's pool (revoke, disable, enable of a selection):
 * each key's outcome reaches the FX thread as soon as the gateway answered, and {@code finished} runs
 * there after the last of them, however the run ended.
 */
final class OneKeyAtATime {
    private OneKeyAtATime() {
    }

    static <O> void run(BackgroundTasks tasks, List<ApiKey> keys, Function<ApiKey, O> each, Consumer<O> outcome,
                        Runnable finished) {
        Task<Void> task = new Task<>() {
            @Override
            protected Void call() {
                for (ApiKey key : keys) {
                    if (isCancelled()) {
                        break;
                    }
                    O result = each.apply(key);
                    Platform.runLater(() -> outcome.accept(result));
                }
                return null;
            }
        };
        Runnable finish = () -> Platform.runLater(finished); // after every outcome posted by the task
        task.setOnSucceeded(e -> finish.run());
        task.setOnFailed(e -> finish.run());
        task.setOnCancelled(e -> finish.run());
        tasks.run(task);
    }
}
