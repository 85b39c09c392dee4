package io.keydeck.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads {@code limits}, {@code allowed_models} and {@code owner} of a create or PATCH body onto a key's
 * {@link KeyTerms}. A PATCH merges: a field that is present sets (null removes), one that is absent stays.
 */
final class KeyTermsReader {
    static final BigDecimal MAX_BUDGET = new BigDecimal("1000000");
    static final long MAX_RATE = 100_000_000L;
    private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9._:/@-]{1,100}");
    private static final int MAX_MODELS = 100;

    private KeyTermsReader() {
    }

    /** {@code base} with what {@code body} changes. */
    static KeyTerms read(JsonNode body, KeyTerms base) {
        KeyTerms terms = base;
        if (body.has("limits")) {
            JsonNode limits = body.get("limits");
            if (limits.isNull()) {
                terms = terms.withBudget(null, null).withRates(null, null);
            } else if (!limits.isObject()) {
                throw ApiError.unprocessable("limits must be an object or null.");
            } else {
                terms = limits(limits, terms);
            }
        }
        if (body.has("allowed_models")) {
            terms = terms.withModels(models(body.get("allowed_models")));
        }
        if (body.has("owner")) {
            terms = terms.withOwner(owner(body.get("owner")));
        }
        return terms;
    }

    private static KeyTerms limits(JsonNode limits, KeyTerms base) {
        KeyTerms terms = base;
        if (limits.has("budget")) {
            JsonNode budget = limits.get("budget");
            if (budget.isNull()) {
                terms = terms.withBudget(null, null);
            } else if (!budget.isObject()) {
                throw ApiError.unprocessable("limits.budget must be an object {\"amount\",\"reset\"} or null.");
            } else {
                terms = terms.withBudget(amount(budget.get("amount")), reset(budget.get("reset")));
                JsonNode unit = budget.get("unit");
                if (unit != null && !unit.isNull() && !"USD".equalsIgnoreCase(unit.asText())) {
                    throw ApiError.unprocessable("The sandbox bills in USD; limits.budget.unit must be \"USD\", was "
                            + unit + ".");
                }
            }
        }
        Long rpm = limits.has("requests_per_minute") ? rate(limits.get("requests_per_minute"), "requests_per_minute")
                : terms.requestsPerMinute();
        Long tpm = limits.has("tokens_per_minute") ? rate(limits.get("tokens_per_minute"), "tokens_per_minute")
                : terms.tokensPerMinute();
        return terms.withRates(rpm, tpm);
    }

    private static BigDecimal amount(JsonNode node) {
        if (node == null || !node.isNumber()) {
            throw ApiError.unprocessable("limits.budget.amount must be a number of US dollars.");
        }
        BigDecimal amount = node.decimalValue();
        if (amount.signum() < 0 || amount.compareTo(MAX_BUDGET) > 0) {
            throw ApiError.unprocessable("limits.budget.amount must be from 0 to 1000000, was " + amount.toPlainString()
                    + ".");
        }
        return amount.stripTrailingZeros().scale() < 0 ? amount.setScale(0) : amount.stripTrailingZeros();
    }

    private static String reset(JsonNode node) {
        String reset = node == null || node.isNull() ? "never" : node.asText();
        if (!isTextOrNull(node) || !KeyTerms.RESETS.contains(reset)) {
            throw ApiError.unprocessable("limits.budget.reset must be one of " + String.join(", ", KeyTerms.RESETS)
                    + ", was " + node + ".");
        }
        return reset;
    }

    private static boolean isTextOrNull(JsonNode node) {
        return node == null || node.isNull() || node.isTextual();
    }

    private static Long rate(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.canConvertToExactIntegral() || node.asLong() < 1 || node.asLong() > MAX_RATE) {
            throw ApiError.unprocessable("limits." + field + " must be a whole number from 1 to " + MAX_RATE
                    + ", or null for none; was " + node + ".");
        }
        return node.asLong();
    }

    private static List<String> models(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > MAX_MODELS) {
            throw ApiError.unprocessable("allowed_models must be an array of at most " + MAX_MODELS
                    + " model names (empty: all models).");
        }
        List<String> models = new ArrayList<>();
        for (JsonNode m : node) {
            if (!m.isTextual() || !MODEL.matcher(m.asText()).matches()) {
                throw ApiError.unprocessable("allowed_models holds " + m + ", which is not a model name.");
            }
            if (!models.contains(m.asText())) {
                models.add(m.asText());
            }
        }
        return models;
    }

    private static KeyTerms.Owner owner(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        String kind = node.path("kind").asText("");
        String id = node.path("id").asText("").strip();
        if (!List.of("project", "workspace", "team", "user").contains(kind) || id.isEmpty() || id.length() > 100) {
            throw ApiError.unprocessable("owner must be {\"kind\": project|workspace|team|user, \"id\", "
                    + "\"display_name\"?} with an id of 1 to 100 characters.");
        }
        String name = node.path("display_name").asText(id).strip();
        return new KeyTerms.Owner(kind, id, name.isEmpty() ? id : name.substring(0, Math.min(100, name.length())),
                node.path("member").asBoolean(true));
    }
}
