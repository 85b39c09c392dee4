package io.keydeck.review;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keydeck.model.Amount;
import io.keydeck.model.KeyAccount;
import io.keydeck.model.KeyOwner;
import io.keydeck.model.SpendLimit;

/**
 * A key's {@link KeyAccount} as JSON, one shape for the JSON report and {@code keydeck keys list --json}:
 * {@code spend} per period, {@code limit}, {@code rate_limits}, {@code allowed_models}, {@code owners}.
 * Unknown parts are null (a limit that is known to be absent is {@code "limit": null} with
 * {@code "limits_reported": true}).
 */
public final class KeyAccountJson {
    private KeyAccountJson() {
    }

    public static ObjectNode of(KeyAccount account) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode root = json.objectNode();
        ObjectNode spend = root.putObject("spend");
        account.spend().forEach((period, amount) -> spend.set(period.wireName(), amount(amount)));
        root.put("limits_reported", account.limitsReported());
        SpendLimit limit = account.limit();
        if (limit == null) {
            root.putNull("limit");
        } else {
            ObjectNode l = root.putObject("limit");
            l.set("amount", amount(limit.amount()));
            l.put("reset", limit.reset().wireName());
            if (limit.resetText() != null) {
                l.put("reset_text", limit.resetText());
            }
            l.set("remaining", limit.remaining() == null ? null : amount(limit.remaining()));
            l.put("resets_at", limit.resetsAt() == null ? null : limit.resetsAt().toString());
            account.limitUsed().ifPresentOrElse(u -> l.put("used_percent", Math.floor(u * 1000) / 10),
                    () -> l.putNull("used_percent"));
        }
        ObjectNode rates = root.putObject("rate_limits");
        rates.put("requests_per_minute", account.rateLimits().requestsPerMinute());
        rates.put("tokens_per_minute", account.rateLimits().tokensPerMinute());
        account.allowedModels().forEach(root.putArray("allowed_models")::add);
        var owners = root.putArray("owners");
        for (KeyOwner owner : account.owners()) {
            ObjectNode o = owners.addObject().put("kind", owner.kind().wireName()).put("id", owner.id())
                    .put("display_name", owner.displayName());
            o.put("member", owner.member());
        }
        return root;
    }

    private static ObjectNode amount(Amount amount) {
        return JsonNodeFactory.instance.objectNode().put("amount", amount.value()).put("unit", amount.unit());
    }
}
