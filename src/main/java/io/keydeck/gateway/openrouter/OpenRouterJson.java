package io.keydeck.gateway.openrouter;

import com.fasterxml.jackson.databind.JsonNode;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.http.JsonFields;
import io.keydeck.model.Amount;
import io.keydeck.model.ApiKey;
import io.keydeck.model.KeyAccount;
import io.keydeck.model.KeyEnvironment;
import io.keydeck.model.KeyOwner;
import io.keydeck.model.LimitReset;
import io.keydeck.model.OwnerKind;
import io.keydeck.model.SpendLimit;
import io.keydeck.model.SpendPeriod;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps OpenRouter key objects; the running usage totals become display attributes. */
final class OpenRouterJson {
    private OpenRouterJson() {
    }

    /** {@code workspace}: the name (or id) of the key's workspace, null when OpenRouter did not say. */
    static ApiKey apiKey(JsonNode node, String workspace, String requestId) throws GatewayException {
        String hash = JsonFields.text(node, "hash");
        if (hash == null) {
            throw JsonFields.unexpected("OpenRouter listed a key without a hash.", requestId);
        }
        JsonFields.MaskedKey hint = JsonFields.masked(JsonFields.text(node, "label"));
        Map<String, String> attributes = new LinkedHashMap<>();
        String limit = JsonFields.usd(node, "limit");
        attributes.put("Credit limit", limit == null ? "No limit" : limit);
        put(attributes, "Limit remaining", JsonFields.usd(node, "limit_remaining"));
        String reset = JsonFields.text(node, "limit_reset");
        attributes.put("Limit reset", reset == null ? "Never" : reset);
        put(attributes, "Usage total", JsonFields.usd(node, "usage"));
        put(attributes, "Usage today", JsonFields.usd(node, "usage_daily"));
        put(attributes, "Usage this week", JsonFields.usd(node, "usage_weekly"));
        put(attributes, "Usage this month", JsonFields.usd(node, "usage_monthly"));
        put(attributes, "Workspace", workspace);
        return new ApiKey(hash, JsonFields.text(node, "name"), hint.prefix(), hint.lastFour(), KeyEnvironment.NONE, List.of(),
                loose(node, "created_at", requestId), loose(node, "last_used_at", requestId),
                null, JsonFields.instant(node, "expires_at", requestId), false, null,
                node.path("disabled").asBoolean(false), attributes, account(node, workspace));
    }

    /**
     * {@code usage}, {@code usage_daily/weekly/monthly} (credits, one credit being one US dollar), {@code limit}
     * with {@code limit_remaining} and {@code limit_reset} (null: never), and the workspace as owner. OpenRouter
     * always answers {@code limit} (null for none), so a key without one is known to have none. It does not say
     * when a limit resets, so that stays unknown.
     */
    private static KeyAccount account(JsonNode node, String workspace) {
        KeyAccount.Builder account = KeyAccount.builder();
        account.spend(SpendPeriod.TOTAL, JsonFields.amount(node, "usage", Amount.USD))
                .spend(SpendPeriod.DAY, JsonFields.amount(node, "usage_daily", Amount.USD))
                .spend(SpendPeriod.WEEK, JsonFields.amount(node, "usage_weekly", Amount.USD))
                .spend(SpendPeriod.MONTH, JsonFields.amount(node, "usage_monthly", Amount.USD));
        if (node.has("limit")) {
            account.limitsReported();
        }
        Amount limit = JsonFields.amount(node, "limit", Amount.USD);
        if (limit != null) {
            LimitReset reset;
            try {
                reset = LimitReset.parse(JsonFields.text(node, "limit_reset"));
            } catch (IllegalArgumentException e) {
                reset = LimitReset.OTHER;
            }
            account.limit(new SpendLimit(limit, reset, JsonFields.amount(node, "limit_remaining", Amount.USD), null,
                    reset == LimitReset.OTHER ? JsonFields.text(node, "limit_reset") : null));
        }
        String workspaceId = JsonFields.text(node, "workspace_id");
        if (workspaceId != null || workspace != null) {
            account.owner(new KeyOwner(OwnerKind.WORKSPACE, workspaceId, workspace));
        }
        return account.build();
    }

    /**
     * OpenRouter's reference types {@code created_at} as a plain string (no date-time format), so an
     * unreadable one is shown as unknown rather than failing the whole list; {@code expires_at} is
     * typed date-time and stays strict.
     */
    private static java.time.Instant loose(JsonNode node, String field, String requestId) {
        try {
            return JsonFields.instant(node, field, requestId);
        } catch (GatewayException e) {
            return null;
        }
    }

    private static void put(Map<String, String> attributes, String name, String value) {
        if (value != null) {
            attributes.put(name, value);
        }
    }
}
