package io.keydeck.gateway.litellm;

import com.fasterxml.jackson.databind.JsonNode;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.http.JsonFields;
import io.keydeck.model.ApiKey;
import io.keydeck.model.KeyEnvironment;

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
        attributes.put("Models", models.isEmpty() ? "All models" : String.join(", ", models));
        put(attributes, "Team", JsonFields.text(node, "team_id"));
        put(attributes, "User", JsonFields.text(node, "user_id"));
        return new ApiKey(id, JsonFields.text(node, "key_alias"), hint.prefix(), hint.lastFour(), KeyEnvironment.NONE,
                List.of(), JsonFields.instant(node, "created_at", requestId),
                JsonFields.instant(node, "last_active", requestId), null, JsonFields.instant(node, "expires", requestId),
                false, null, node.path("blocked").asBoolean(false), attributes);
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
