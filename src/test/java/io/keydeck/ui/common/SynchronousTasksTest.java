package io.keydeck.ui.common;

import io.keydeck.model.Capability;
import io.keydeck.model.KeyEnvironment;
import io.keydeck.model.NewKeyRequest;
import io.keydeck.ui.FakeGatewayClient;
import io.keydeck.ui.FxTestSupport;
import io.keydeck.ui.TestKeys;
import io.keydeck.ui.keys.KeyCreation;
import javafx.concurrent.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static io.keydeck.ui.FxTestSupport.onFx;
import static org.assertj.core.api.Assertions.assertThat;

/** With {@link BackgroundTasks#synchronous()} a view model's work is done when the call returns, its handlers in the next FX turn: no waiting. */
class SynchronousTasksTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxTestSupport.startToolkit();
    }

    @Test
    void aTaskHasSucceededAndItsHandlerRunWhenRunReturns() throws Exception {
        try (BackgroundTasks tasks = BackgroundTasks.synchronous()) {
            String[] handled = new String[1];
            String ran = onFx(() -> {
                Task<String> task = new Task<>() {
                    @Override
                    protected String call() {
                        handled[0] = "ran";
                        return "answer";
                    }
                };
                task.setOnSucceeded(e -> handled[0] = task.getValue());
                tasks.run(task);
                return handled[0];
            });
            assertThat(ran).as("the work itself is done when run returns").isEqualTo("ran");
            // Task posts its state changes to the FX queue; they run before anything posted after them
            assertThat(onFx(() -> handled[0])).isEqualTo("answer");
            assertThat(CompletableFuture.supplyAsync(() -> Thread.currentThread().getName(), tasks.executor()).join())
                    .isEqualTo(Thread.currentThread().getName());
        }
    }

    @Test
    void aCreateDialogsViewModelHasItsSecretRightAfterSubmit() throws Exception {
        FakeGatewayClient client = new FakeGatewayClient(TestKeys.many(1)).withCapabilities(Capability.values());
        try (BackgroundTasks tasks = BackgroundTasks.synchronous()) {
            KeyCreation creation = new KeyCreation(client, tasks, "Cancelled.");
            onFx(() -> creation.submit(new NewKeyRequest("Checkout", List.of("chat:write"), KeyEnvironment.LIVE, null),
                    "form"));
            assertThat(onFx(() -> creation.createdProperty().get() != null && !creation.busyProperty().get()))
                    .as("no waiting: the next turn of the FX queue already has the secret").isTrue();
        }
    }

    @Test
    void thePoolRunsElsewhereAndIsIdleAfterwards() throws Exception {
        try (BackgroundTasks tasks = BackgroundTasks.pool(1)) {
            String worker = CompletableFuture.supplyAsync(() -> Thread.currentThread().getName(), tasks.executor()).join();
            assertThat(worker).startsWith("keydeck-worker-");
            assertThat(onFx(tasks::idle)).isTrue();
        }
    }
}
