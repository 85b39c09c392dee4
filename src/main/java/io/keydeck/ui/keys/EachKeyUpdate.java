package io.keydeck.ui.keys;

import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayException;
import io.keydeck.model.ApiKey;
import io.keydeck.model.KeyUpdate;
import io.keydeck.model.VisibleText;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One change sent to several keys in turn, for the bulk edit dialogs (limits, scopes): each key's answer is
 * kept with its request id, so one refused key neither stops the others nor goes unreported.
 */
public final class EachKeyUpdate {
    /** One key's answer: the key as the gateway returned it, or the failure; and the request id either way. */
    public record Outcome(ApiKey key, ApiKey updated, GatewayException failure, String requestId) {
    }

    private EachKeyUpdate() {
    }

    /** Sends {@code update} to each key through {@code target}; off the FX thread. */
    static List<Outcome> apply(List<ApiKey> keys, KeyUpdate update, GatewayClient target) throws InterruptedException {
        List<Outcome> outcomes = new ArrayList<>();
        for (ApiKey key : keys) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("stopped after " + outcomes.size() + " of " + keys.size() + " keys");
            }
            try {
                ApiKey updated = target.updateKey(key.id(), update);
                outcomes.add(new Outcome(key, updated, null, target.lastRequestId().orElse(null)));
            } catch (GatewayException e) {
                outcomes.add(new Outcome(key, null, e, e.requestId()));
            }
        }
        return outcomes;
    }

    /**
     * One line per key from {@code okKey} ({0} the key, {1} what it has now, {2} the request id) or
     * {@code failedKey} ({1} the gateway's refusal).
     */
    static String report(List<Outcome> outcomes, ResourceBundle messages, String okKey, String failedKey,
                         Function<Outcome, String> nowText) {
        return outcomes.stream().map(o -> MessageFormat.format(messages.getString(o.failure() == null ? okKey : failedKey),
                        name(o.key()), o.failure() == null ? nowText.apply(o) : VisibleText.escape(o.failure().describe(), 400),
                        o.requestId() == null ? "\u2014" : o.requestId()))
                .collect(Collectors.joining("\n"));
    }

    /** "“ci-bot” (mrk_live_…abcd)", safe to show whatever the gateway called the key. */
    static String name(ApiKey key) {
        return "\u201c" + VisibleText.escape(key.name(), 120) + "\u201d (" + VisibleText.escape(key.hint(), 60) + ")";
    }

    /** The question naming one key, or the count and every key on a line of its own. */
    static String question(List<ApiKey> keys, ResourceBundle messages, String oneKey, String manyKey) {
        if (keys.size() == 1) {
            return MessageFormat.format(messages.getString(oneKey), name(keys.get(0)));
        }
        return MessageFormat.format(messages.getString(manyKey), keys.size(),
                keys.stream().map(EachKeyUpdate::name).collect(Collectors.joining("\n")));
    }
}
