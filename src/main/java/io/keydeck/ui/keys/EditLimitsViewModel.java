package io.keydeck.ui.keys;

import io.keydeck.gateway.GatewayClient;
import io.keydeck.model.ApiKey;
import io.keydeck.model.KeyUpdate;
import io.keydeck.model.LimitReset;
import io.keydeck.model.LimitSetting;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;

/**
 * Sets (or removes) the spend limit of one or more keys (issue 21): an amount in US dollars and how often it
 * resets. The question names every key; the outcome lists the gateway's answer and request id per key.
 */
public final class EditLimitsViewModel {
    /** The largest limit accepted, so a slip of the finger (an extra 0 or two) is caught before it is sent. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000");

    private final List<ApiKey> keys;
    private final ResourceBundle messages;
    private final StringProperty amount = new SimpleStringProperty("");
    private final ObjectProperty<LimitReset> reset = new SimpleObjectProperty<>(LimitReset.MONTHLY);
    private final BooleanProperty remove = new SimpleBooleanProperty(false);
    private final StringBinding problem;

    public EditLimitsViewModel(List<ApiKey> keys, ResourceBundle messages) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no keys");
        }
        this.keys = List.copyOf(keys);
        this.messages = messages;
        if (keys.size() == 1 && keys.get(0).account().limit() != null) {
            var current = keys.get(0).account().limit();
            amount.set(current.amount().value().stripTrailingZeros().toPlainString());
            if (current.reset() != LimitReset.OTHER) {
                reset.set(current.reset());
            }
        }
        problem = Bindings.createStringBinding(this::findProblem, amount, remove);
    }

    public StringProperty amountProperty() {
        return amount;
    }

    public ObjectProperty<LimitReset> resetProperty() {
        return reset;
    }

    public BooleanProperty removeProperty() {
        return remove;
    }

    /** Why the form cannot be sent; "" when it can (an untouched empty amount says nothing yet). */
    public StringBinding problemProperty() {
        return problem;
    }

    public BooleanBinding validProperty() {
        return Bindings.createBooleanBinding(() -> problem.get().isEmpty()
                && (remove.get() || !amount.get().isBlank()), problem, remove, amount);
    }

    public List<LimitReset> resets() {
        return List.of(LimitReset.DAILY, LimitReset.WEEKLY, LimitReset.MONTHLY, LimitReset.NEVER);
    }

    /** "Set the spend limit of “ci-bot” (mrk_live_…abcd)?" or of N keys, each named below. */
    public String question() {
        return EachKeyUpdate.question(keys, messages, "limits.questionOne", "limits.questionMany");
    }

    /** The limit to send; call only when {@link #validProperty()} holds. */
    public LimitSetting setting() {
        return remove.get() ? LimitSetting.REMOVE : LimitSetting.usd(new BigDecimal(amount.get().strip()), reset.get());
    }

    /** Sends the limit to each key in turn through {@code target} (journaled), off the FX thread. */
    public List<EachKeyUpdate.Outcome> apply(GatewayClient target) throws InterruptedException {
        return EachKeyUpdate.apply(keys, KeyUpdate.limit(setting()), target);
    }

    /** One line per key: "“ci-bot”: limit set to $50.00 a month (request req_1)" or the gateway's refusal. */
    public String report(List<EachKeyUpdate.Outcome> outcomes) {
        return EachKeyUpdate.report(outcomes, messages, "limits.ok", "limits.failed", o -> setting().display());
    }

    private String findProblem() {
        if (remove.get() || amount.get().isBlank()) {
            return "";
        }
        try {
            BigDecimal value = new BigDecimal(amount.get().strip());
            if (value.signum() < 0) {
                return messages.getString("limits.negative");
            }
            if (value.compareTo(MAX_AMOUNT) > 0) {
                return MessageFormat.format(messages.getString("limits.tooLarge"), MAX_AMOUNT.toPlainString());
            }
            if (value.scale() > 2) {
                return messages.getString("limits.cents");
            }
            return "";
        } catch (NumberFormatException e) {
            return messages.getString("limits.notANumber");
        }
    }
}
