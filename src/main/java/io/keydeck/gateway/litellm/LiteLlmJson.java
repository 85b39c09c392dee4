package io.keydeck.gateway.litellm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.http.JsonFields;
import io.keydeck.model.Amount;
import io.keydeck.model.ApiKey;
import io.keydeck.model.KeyAccount;
import io.keydeck.model.KeyEnvironment;
import io.keydeck.model.KeyOwner;
import io.keydeck.model.LimitReset;
import io.keydeck.model.LimitSetting;
import io.keydeck.model.OwnerKind;
import io.keydeck.model.RateLimits;
import io.keydeck.model.SpendLimit;

import java.time.Instant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps LiteLLM verification-token objects. A key is addressed by its {@code token} (the proxy's
 * hash of the secret); {@code key_name} is the masked secret ({@code sk-...abcd}).
 */
final class LiteLlmJson {
    private LiteLlmJson() {
    }

    static ApiKey apiKey(JsonNode node, String fallbackId, String requestId) throws GatewayException {
        String id = JsonFields.text(node, "token");
        if (id == null) {
            id = fallbackId;
        }
        if (id == null) {
            throw JsonFields.unexpected("The LiteLLM proxy listed a key without its token.", requestId);
        }
        JsonFields.MaskedKey hint = JsonFields.masked(JsonFields.text(node, "key_name"));
        Map<String, String> attributes = new LinkedHashMap<>();
        put(attributes, "Spend", JsonFields.usd(node, "spend"));
        String budget = JsonFields.usd(node, "max_budget");
        attributes.put("Max budget", budget == null ? "No budget" : budget);
        put(attributes, "Budget period", JsonFields.text(node, "budget_duration"));
        attributes.put("RPM limit", orNone(JsonFields.text(node, "rpm_limit")));
        attributes.put("TPM limit", orNone(JsonFields.text(node, "tpm_limit")));
        List<String> models = JsonFields.strings(node.path("models"));
        models = models.contains("all-proxy-models") ? List.of() : models;
        attributes.put("Models", models.isEmpty() ? "All models" : String.join(", ", models));
        put(attributes, "Team", JsonFields.text(node, "team_id"));
        put(attributes, "User", JsonFields.text(node, "user_id"));
        return new ApiKey(id, JsonFields.text(node, "key_alias"), hint.prefix(), hint.lastFour(), KeyEnvironment.NONE,
                List.of(), JsonFields.instant(node, "created_at", requestId),
                JsonFields.instant(node, "last_active", requestId), null, JsonFields.instant(node, "expires", requestId),
                false, null, node.path("blocked").asBoolean(false), attributes, account(node, models));
    }

    /**
     * The key row's money and limits. {@code spend} is the spend since the last budget reset (the proxy's reset
     * job sets it to 0 when {@code budget_reset_at} passes), so it is the spend of the budget's period, or the
     * key's whole life without a {@code budget_duration}. A row without any of these fields (a bare hash from an
     * old listing) stays unknown.
     */
    private static KeyAccount account(JsonNode node, List<String> models) {
        if (!node.has("spend") && !node.has("max_budget") && !node.has("rpm_limit") && !node.has("team_id")
                && !node.has("user_id")) {
            return KeyAccount.UNKNOWN;
        }
        KeyAccount.Builder account = KeyAccount.builder().limitsReported().models(models);
        Amount spend = JsonFields.amount(node, "spend", Amount.USD);
        String duration = JsonFields.text(node, "budget_duration");
        LimitReset reset = reset(duration);
        account.spend(reset.period(), spend);
        Amount budget = JsonFields.amount(node, "max_budget", Amount.USD);
        if (budget != null) {
            Amount remaining = spend == null ? null : budget.minus(spend);
            Instant resetsAt = null;
            try {
                resetsAt = JsonFields.instant(node, "budget_reset_at", null);
            } catch (GatewayException e) {
                // an unreadable reset time is shown as unknown
            }
            account.limit(new SpendLimit(budget, reset, remaining, resetsAt, reset == LimitReset.OTHER ? duration : null));
        }
        account.rateLimits(new RateLimits(JsonFields.count(node, "rpm_limit"), JsonFields.count(node, "tpm_limit")));
        String user = JsonFields.text(node, "user_id");
        String team = JsonFields.text(node, "team_id");
        account.owner(user == null ? null : new KeyOwner(OwnerKind.USER, user, null));
        account.owner(team == null ? null : new KeyOwner(OwnerKind.TEAM, team, JsonFields.text(node, "team_alias")));
        return account.build();
    }

    /**
     * {@code budget_duration} as a reset: the proxy's {@code get_next_standardized_reset_time} resets "1d" (and
     * "24h") at midnight, "7d" (and "1w") on Monday and "30d" (and "1mo") on the 1st; other durations count from
     * the last reset and are kept as text. None: the budget never resets.
     */
    static LimitReset reset(String duration) {
        if (duration == null) {
            return LimitReset.NEVER;
        }
        return switch (duration.strip()) {
            case "1d", "24h" -> LimitReset.DAILY;
            case "7d", "1w" -> LimitReset.WEEKLY;
            case "30d", "1mo" -> LimitReset.MONTHLY;
            default -> LimitReset.OTHER;
        };
    }

    /**
     * Puts a limit change into a {@code /key/generate} or {@code /key/update} body: {@code max_budget} with
     * {@code budget_duration} "1d", "7d" or "30d" (the spellings every proxy version reads; "w" and "mo" are newer),
     * none for a budget that never resets. Removing sends {@code "max_budget": null}: the proxy's
     * {@code prepare_key_update_data} keeps explicitly-set nulls, but drops a null {@code budget_duration}, so the
     * old period stays behind the removed budget, harmlessly. Rate limits: a null part clears that limit.
     */
    static void putLimits(ObjectNode body, LimitSetting limit, RateLimits rates) {
        if (limit != null && limit.removes()) {
            body.putNull("max_budget");
        } else if (limit != null) {
            if (!Amount.USD.equals(limit.amount().unit())) {
                throw new IllegalArgumentException("LiteLLM budgets are in US dollars, not " + limit.amount().unit());
            }
            body.put("max_budget", limit.amount().value());
            switch (limit.reset()) {
                case DAILY -> body.put("budget_duration", "1d");
                case WEEKLY -> body.put("budget_duration", "7d");
                case MONTHLY -> body.put("budget_duration", "30d");
                default -> {
                    // never resets: no budget_duration
                }
            }
        }
        if (rates != null) {
            body.put("rpm_limit", rates.requestsPerMinute());
            body.put("tpm_limit", rates.tokensPerMinute());
        }
    }

    /**
     * Whether {@code /spend/logs} answered with per-day totals ({@code summarize=true}, or a proxy that
     * predates the parameter): rows with a date-only {@code startTime} and no {@code request_id}.
     */
    static boolean isDailySummary(JsonNode rows) {
        for (JsonNode row : rows) {
            String start = JsonFields.text(row, "startTime");
            return !row.has("request_id") && start != null && start.length() == 10;
        }
        return false;
    }

    private static String orNone(String value) {
        return value == null ? "None" : value;
    }

    private static void put(Map<String, String> attributes, String name, String value) {
        if (value != null) {
            attributes.put(name, value);
        }
    }
}
