package io.keydeck.ui.keys;

import io.keydeck.model.VisibleText;
import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayException;
import io.keydeck.model.ApiKey;
import io.keydeck.model.KeyEnvironment;
import io.keydeck.model.RevokeResult;
import io.keydeck.ui.common.BackgroundTasks;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.MessageFormat;
import java.time.Clock;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Consumer;

/**
 * Revoking one key or several: the confirmation names every key, a live key must be confirmed by
 * typing, and each key's own result (the gateway's answer or error, with its request id) is reported
 * separately, so a partial failure is never hidden behind a summary.
 */
public final class RevokeKeysViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(RevokeKeysViewModel.class);

    /** What happened to one key. */
    public record Outcome(ApiKey key, boolean revoked, String message) {
    }

    private final List<ApiKey> keys;
    private final GatewayClient client;
    private final BackgroundTasks tasks;
    private final ResourceBundle messages;
    private final Clock clock;
    private final Consumer<ApiKey> onRevoked;
    private final StringProperty typed = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<Outcome> outcomes = FXCollections.observableArrayList();
    private final BooleanBinding canRevoke;

    /** {@code onRevoked} receives each revoked key, already marked revoked, on the FX thread. */
    public RevokeKeysViewModel(List<ApiKey> keys, GatewayClient client, BackgroundTasks tasks,
                               ResourceBundle messages, Clock clock, Consumer<ApiKey> onRevoked) {
        this.keys = keys.stream().filter(k -> !k.revoked()).toList();
        this.client = client;
        this.tasks = tasks;
        this.messages = messages;
        this.clock = clock;
        this.onRevoked = onRevoked;
        canRevoke = Bindings.createBooleanBinding(() -> !busy.get() && !done.get() && !this.keys.isEmpty()
                && (!needsTypedConfirmation() || typed.get().strip().equals(confirmationPhrase())), typed, busy, done);
    }

    public List<ApiKey> keys() {
        return keys;
    }

    private String connection;

    /** Names {@code connectionName} in the question: the keys belong to it, not necessarily to the active one. */
    public RevokeKeysViewModel onConnection(String connectionName) {
        this.connection = connectionName;
        return this;
    }

    /** "Revoke “Checkout” (mrk_live_…a1b2)?", "Revoke these 3 keys?", "Revoke “Checkout” (…) on Production?". */
    public String question() {
        if (connection != null && keys.size() == 1) {
            ApiKey key = keys.get(0);
            return MessageFormat.format(messages.getString("revoke.questionOneOn"),
                    VisibleText.escape(key.name(), 300), VisibleText.escape(key.hint(), 120),
                    VisibleText.escape(connection, 300));
        }
        if (keys.size() == 1) {
            ApiKey key = keys.get(0);
            return MessageFormat.format(messages.getString("revoke.questionOne"),
                    VisibleText.escape(key.name(), 300), VisibleText.escape(key.hint(), 120));
        }
        return MessageFormat.format(messages.getString("revoke.questionMany"), keys.size());
    }

    /** One line per key for the list in the confirmation. */
    public String describe(ApiKey key) {
        return MessageFormat.format(messages.getString("revoke.keyLine"), VisibleText.escape(key.name(), 300),
                VisibleText.escape(key.hint(), 120),
                key.environment().wireName());
    }

    /** Live keys serve real traffic: revoking one must be confirmed by typing. */
    public boolean needsTypedConfirmation() {
        return keys.stream().anyMatch(k -> k.environment() == KeyEnvironment.LIVE);
    }

    /** What to type: the key's name, or "revoke N keys" for several. */
    public String confirmationPhrase() {
        return keys.size() == 1 ? VisibleText.escape(keys.get(0).name(), 300) // typed as it is shown
                : MessageFormat.format(messages.getString("revoke.phraseMany"), keys.size());
    }

    public String confirmationPrompt() {
        return MessageFormat.format(messages.getString("revoke.typeToConfirm"), confirmationPhrase());
    }

    public StringProperty typedProperty() {
        return typed;
    }

    public BooleanBinding canRevokeProperty() {
        return canRevoke;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True once every key has its outcome. */
    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    public ObservableList<Outcome> outcomes() {
        return outcomes;
    }

    /** "2 of 3 keys revoked.", "Key revoked." */
    public String summary() {
        return summary(messages, "revoke.summary", "revoke.summaryOne", outcomes.stream().filter(Outcome::revoked)
                .count(), keys.size());
    }

    /** "{@code done} of {@code total} keys revoked." ({@code many}) for several keys; for one ({@code one}), whether it was. */
    static String summary(ResourceBundle messages, String many, String one, long done, int total) {
        return total == 1 ? MessageFormat.format(messages.getString(one), done)
                : MessageFormat.format(messages.getString(many), done, total);
    }

    /** Revokes the keys one after another; each result arrives as soon as the gateway answered. */
    public void revoke() {
        if (!canRevoke.get()) {
            return;
        }
        busy.set(true);
        OneKeyAtATime.run(tasks, keys, this::revokeOne, this::record, () -> {
            busy.set(false);
            done.set(true);
        });
    }

    private Outcome revokeOne(ApiKey key) {
        try {
            RevokeResult result = client.revokeKey(key.id());
            String requestId = result.requestId() == null ? "—" : result.requestId();
            return result.revoked()
                    ? new Outcome(key, true, MessageFormat.format(messages.getString("revoke.ok"), requestId))
                    : new Outcome(key, false, MessageFormat.format(messages.getString("revoke.notRevoked"), requestId));
        } catch (GatewayException e) {
            LOG.warn("Revoking key {} failed: {}", key.id(), e.describe());
            return new Outcome(key, false, e.describe());
        }
    }

    private void record(Outcome outcome) {
        outcomes.add(outcome);
        if (outcome.revoked()) {
            onRevoked.accept(outcome.key().withRevoked(clock.instant()));
        }
    }
}
