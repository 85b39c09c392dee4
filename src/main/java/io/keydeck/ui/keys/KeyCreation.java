package io.keydeck.ui.keys;

import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.http.LostCreateRecovery;
import io.keydeck.gateway.http.SecretAlreadyShownException;
import io.keydeck.model.VisibleText;
import io.keydeck.model.ApiKey;
import io.keydeck.model.IssuedSecret;
import io.keydeck.model.NewKeyRequest;
import io.keydeck.ui.common.BackgroundTasks;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.UUID;

/**
 * One create request as the user may send it several times: the same {@link NewKeyRequest} is sent
 * with the same Idempotency-Key on every retry, so a create that reached the gateway but whose answer
 * was lost never makes a second key. A changed request gets a fresh key.
 */
public final class KeyCreation {
    private static final Logger LOG = LoggerFactory.getLogger(KeyCreation.class);

    private final GatewayClient client;
    private final BackgroundTasks tasks;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper errorText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<IssuedSecret> created = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ApiKey> alreadyCreated = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ApiKey> secretLost = new ReadOnlyObjectWrapper<>();
    private Object lastFormState;
    private NewKeyRequest lastRequest;
    private String idempotencyKey;
    private Task<IssuedSecret> running;

    private final String cancelledText;

    /** {@code cancelledText} is what the form says after {@link #cancel()}. */
    public KeyCreation(GatewayClient client, BackgroundTasks tasks, String cancelledText) {
        this.client = client;
        this.tasks = tasks;
        this.cancelledText = cancelledText;
    }

    /**
     * Sends {@code request}, or the previous one if the user retries what they sent before (so a
     * time computed from "now" does not turn a retry into a different request).
     */
    public void submit(NewKeyRequest request, Object formState) {
        if (busy.get()) {
            return;
        }
        if (!Objects.equals(formState, lastFormState) || lastRequest == null) {
            lastFormState = formState;
            lastRequest = request;
            idempotencyKey = UUID.randomUUID().toString();
        }
        NewKeyRequest sent = lastRequest;
        String sentKey = idempotencyKey;
        busy.set(true);
        errorText.set("");
        alreadyCreated.set(null);
        secretLost.set(null);
        IssuedSecret[] arrived = new IssuedSecret[1];
        Task<IssuedSecret> task = new Task<>() {
            @Override
            protected IssuedSecret call() throws GatewayException {
                IssuedSecret secret = client.createKey(sent, sentKey);
                synchronized (arrived) {
                    arrived[0] = secret;
                    if (isCancelled()) { // the answer came after the user gave up: nobody will ever show it
                        secret.wipe();
                    }
                }
                return secret;
            }
        };
        running = task;
        task.setOnSucceeded(e -> {
            busy.set(false);
            created.set(task.getValue());
        });
        task.setOnCancelled(e -> {
            busy.set(false);
            errorText.set(cancelledText);
            synchronized (arrived) { // cancelled between the answer and the hand-over: wipe it here
                if (arrived[0] != null) {
                    arrived[0].wipe();
                }
            }
        });
        task.setOnFailed(e -> {
            busy.set(false);
            Throwable failure = task.getException();
            if (failure instanceof SecretAlreadyShownException shown) {
                alreadyCreated.set(shown.key());
                errorText.set(VisibleText.escape(shown.describe()));
            } else if (failure instanceof LostCreateRecovery.SecretLostException lost) {
                alreadyCreated.set(lost.key());
                secretLost.set(lost.key());
                errorText.set(VisibleText.escape(lost.describe()));
            } else if (failure instanceof GatewayException gatewayException) {
                errorText.set(VisibleText.escape(gatewayException.describe()));
            } else {
                LOG.error("Creating a key failed unexpectedly", failure);
                errorText.set(VisibleText.escape(String.valueOf(failure.getMessage())));
            }
            LOG.warn("Creating a key failed: {}", errorText.get());
        });
        tasks.run(task);
    }

    /**
     * Stops waiting for the gateway. The request may already have reached it: sending the same form
     * again reuses the Idempotency-Key, so the gateway then points to that key instead of making a
     * second one.
     */
    public void cancel() {
        if (running != null && busy.get()) {
            running.cancel(true);
        }
    }

    /** The Idempotency-Key of the latest attempt, null before the first. */
    public String idempotencyKey() {
        return idempotencyKey;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The gateway's message with its code and request id; empty when the last attempt did not fail. */
    public ReadOnlyStringProperty errorTextProperty() {
        return errorText.getReadOnlyProperty();
    }

    /** The new key and its secret, set once when the gateway created it. */
    public ReadOnlyObjectProperty<IssuedSecret> createdProperty() {
        return created.getReadOnlyProperty();
    }

    /** The key an earlier attempt already created, when the gateway replays instead of showing a secret. */
    public ReadOnlyObjectProperty<ApiKey> alreadyCreatedProperty() {
        return alreadyCreated.getReadOnlyProperty();
    }

    /** The key the gateway made while its answer, with the only copy of the secret, was lost: to be revoked. */
    public ReadOnlyObjectProperty<ApiKey> secretLostProperty() {
        return secretLost.getReadOnlyProperty();
    }
}
