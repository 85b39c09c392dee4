package io.keydeck.ui.keys;

import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayException;
import io.keydeck.model.ApiKey;
import io.keydeck.model.KeyUpdate;
import io.keydeck.model.VisibleText;
import io.keydeck.ui.common.BackgroundTasks;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Consumer;

/**
 * Disabling or enabling several keys at once. What it does is decided by the selection and said before
 * anything is sent: if any selected key is active, the active ones are disabled (a disabled key in the
 * selection stays disabled, never silently re-enabled); only a selection of disabled keys is enabled.
 * Each key's answer (the gateway's request id or its error) is reported on its own, as for revoke.
 */
public final class DisableKeysViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(DisableKeysViewModel.class);

    /** What happened to one key. */
    public record Outcome(ApiKey key, boolean changed, String message) {
    }

    private final boolean disabling;
    private final List<ApiKey> keys;
    private final int unchanged;
    private final GatewayClient client;
    private final BackgroundTasks tasks;
    private final ResourceBundle messages;
    private final Consumer<ApiKey> onChanged;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<Outcome> outcomes = FXCollections.observableArrayList();
    private final BooleanBinding canApply;

    /** {@code onChanged} receives each key as the gateway returned it, on the FX thread. */
    public DisableKeysViewModel(List<ApiKey> selection, GatewayClient client, BackgroundTasks tasks,
                                ResourceBundle messages, Consumer<ApiKey> onChanged) {
        Plan plan = Plan.of(selection);
        this.disabling = plan.disabling();
        this.keys = plan.changing();
        this.unchanged = plan.unchanged();
        this.client = client;
        this.tasks = tasks;
        this.messages = messages;
        this.onChanged = onChanged;
        canApply = Bindings.createBooleanBinding(() -> !busy.get() && !done.get() && !keys.isEmpty(), busy, done);
    }

    /**
     * What a press on Disable/Enable does to {@code selection}: disable its active keys when it has any,
     * else enable its disabled ones; revoked keys are left out.
     */
    record Plan(boolean disabling, List<ApiKey> changing, int unchanged) {
        static Plan of(List<ApiKey> selection) {
            List<ApiKey> live = selection.stream().filter(k -> !k.revoked()).toList();
            boolean disabling = live.isEmpty() || live.stream().anyMatch(k -> !k.disabled());
            List<ApiKey> changing = live.stream().filter(k -> k.disabled() != disabling).toList();
            return new Plan(disabling, changing, live.size() - changing.size());
        }

        /** "_Disable", "_Enable", "_Disable 3", "_Disable 2 of 3" (the rest is already disabled). */
        String label(ResourceBundle messages) {
            if (changing.size() <= 1 && unchanged == 0) {
                return messages.getString(disabling ? "keys.action.disable" : "keys.action.enable");
            }
            return unchanged == 0 ? MessageFormat.format(messages.getString(
                    disabling ? "keys.action.disableMany" : "keys.action.enableMany"), changing.size())
                    : MessageFormat.format(messages.getString("keys.action.disableSome"), changing.size(),
                    changing.size() + unchanged);
        }
    }

    public boolean disabling() {
        return disabling;
    }

    /** The keys that will change. */
    public List<ApiKey> keys() {
        return keys;
    }

    public String title() {
        return messages.getString(disabling ? "disable.title" : "enable.title");
    }

    /** "Disable “Checkout” (mrk_live_…a1b2)?" or "Disable these 3 keys?". */
    public String question() {
        if (keys.size() == 1) {
            ApiKey key = keys.get(0);
            return MessageFormat.format(messages.getString(disabling ? "disable.questionOne" : "enable.questionOne"),
                    VisibleText.escape(key.name(), 300), VisibleText.escape(key.hint(), 120));
        }
        return MessageFormat.format(messages.getString(disabling ? "disable.questionMany" : "enable.questionMany"),
                keys.size());
    }

    /** What the change means for callers, and which selected keys stay as they are. */
    public String consequence() {
        String text = messages.getString(disabling ? "disable.consequence" : "enable.consequence");
        return unchanged == 0 ? text : text + " " + MessageFormat.format(messages.getString("disable.unchanged"),
                unchanged);
    }

    /** One line per key for the list in the confirmation. */
    public String describe(ApiKey key) {
        return MessageFormat.format(messages.getString("revoke.keyLine"), VisibleText.escape(key.name(), 300),
                VisibleText.escape(key.hint(), 120), key.environment().wireName());
    }

    public String confirmText() {
        return messages.getString(disabling ? "disable.confirm" : "enable.confirm");
    }

    public BooleanBinding canApplyProperty() {
        return canApply;
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

    /** "2 of 3 keys disabled." / "Key enabled." */
    public String summary() {
        long changed = outcomes.stream().filter(Outcome::changed).count();
        return disabling ? RevokeKeysViewModel.summary(messages, "disable.summary", "disable.summaryOne", changed,
                keys.size()) : RevokeKeysViewModel.summary(messages, "enable.summary", "enable.summaryOne", changed,
                keys.size());
    }

    /** Sends the change key after key on the app's pool; each answer shows as soon as it arrived. */
    public void apply() {
        if (!canApply.get()) {
            return;
        }
        busy.set(true);
        OneKeyAtATime.run(tasks, keys, this::applyTo, this::record, () -> {
            busy.set(false);
            done.set(true);
        });
    }

    private Outcome applyTo(ApiKey key) {
        try {
            ApiKey after = client.updateKey(key.id(), KeyUpdate.disabled(disabling));
            String requestId = client.lastRequestId().orElse("\u2014");
            boolean changed = after.disabled() == disabling;
            String answer = messages.getString(disabling ? (changed ? "disable.ok" : "disable.notChanged")
                    : (changed ? "enable.ok" : "enable.notChanged"));
            return new Outcome(after, changed, MessageFormat.format(answer, requestId));
        } catch (GatewayException e) {
            LOG.warn("Changing key {} failed: {}", key.id(), e.describe());
            return new Outcome(key, false, e.describe());
        }
    }

    private void record(Outcome outcome) {
        outcomes.add(outcome);
        if (outcome.changed()) {
            onChanged.accept(outcome.key());
        }
    }
}
