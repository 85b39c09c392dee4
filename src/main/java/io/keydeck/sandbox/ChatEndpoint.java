package io.keydeck.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code POST /v1/chat/completions}: the one call inference keys may make. Answers a canned reply,
 * marks the key as used and counts its usage; every refused key becomes an auth event (the router
 * records it from the error's {@link CallerHint}).
 *
 * <p>Then the key's own terms (budget, rate limits, allowed models) may refuse it; see {@link #refusalByTerms}.
 *
 * <p>Choices: an admin token here is 401 {@code invalid_api_key}; a disabled key is 403
 * {@code permission_error} with code {@code key_disabled}; a key without {@code chat:write} (or MultiRoute's {@code inference}) is 403
 * {@code insufficient_permissions}.
 */
final class ChatEndpoint {
    private static final String[] REPLIES = {
        "Hello from the KeyDeck sandbox. This reply is canned; your key works.",
        "Sure — here is a short answer from the sandbox gateway.",
        "The sandbox received your messages and counted their tokens.",
    };

    private final KeyStore keys;
    private final UsageLedger ledger;
    private final Clock clock;
    private final SpendMeter meter;
    private final KeyRateLimiter keyLimits = new KeyRateLimiter();

    ChatEndpoint(KeyStore keys, UsageLedger ledger, Clock clock, SpendMeter meter) {
        this.keys = keys;
        this.ledger = ledger;
        this.clock = clock;
        this.meter = meter;
    }

    void complete(ApiExchange ex) throws IOException {
        String token = ex.bearerToken();
        StoredKey key = authenticate(token);
        long now = clock.millis();
        JsonNode body;
        try {
            body = ex.jsonBody();
            if (!body.path("messages").isArray() || body.path("messages").isEmpty()) {
                throw ApiError.badRequest("messages must be a non-empty array.");
            }
        } catch (ApiError e) {
            ledger.record(key, now, 0, 0, true);
            throw e;
        }
        ApiError refusal = refusalByTerms(ex, key, body.path("model").asText(null), now);
        if (refusal != null) {
            ledger.record(key, now, 0, 0, true);
            throw refusal.from(CallerHint.of(token, key));
        }
        long promptChars = 0;
        for (JsonNode message : body.path("messages")) {
            promptChars += message.path("content").asText("").length() + 4;
        }
        String reply = REPLIES[ThreadLocalRandom.current().nextInt(REPLIES.length)];
        long promptTokens = Math.max(1, promptChars / 4);
        long completionTokens = Math.max(1, reply.length() / 4);
        ledger.record(key, now, promptTokens, completionTokens, false);
        keyLimits.addTokens(key, now, promptTokens + completionTokens);
        key.markUsed(now, ex.clientIp());

        ObjectNode root = ApiExchange.JSON.createObjectNode();
        root.put("id", "chatcmpl-" + ex.requestId().substring(4));
        root.put("object", "chat.completion");
        root.put("created", Instant.ofEpochMilli(now).getEpochSecond());
        root.put("model", body.path("model").asText("multiroute/auto"));
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", reply);
        choice.put("finish_reason", "stop");
        ObjectNode usage = root.putObject("usage");
        usage.put("prompt_tokens", promptTokens);
        usage.put("completion_tokens", completionTokens);
        usage.put("total_tokens", promptTokens + completionTokens);
        ex.sendJson(200, root);
    }

    private StoredKey authenticate(String token) {
        if (token == null) {
            throw ApiError.missingKey().from(CallerHint.NONE);
        }
        if (AdminCredentials.looksAdmin(token)) {
            throw ApiError.invalidKey("Admin tokens cannot call /v1/chat/completions; use an inference key "
                    + "(mrk_live_… or mrk_test_…).").from(CallerHint.of(token, null));
        }
        StoredKey key = looksLikeInferenceKey(token) ? keys.bySecret(token) : null;
        if (key == null) {
            throw ApiError.invalidKey("Invalid API key.").from(CallerHint.of(token, null));
        }
        long now = clock.millis();
        CallerHint hint = CallerHint.of(token, key);
        ApiError refusal = null;
        if (key.revoked()) {
            refusal = ApiError.invalidKey("This API key was revoked on " + StoredKey.iso(key.revokedAt()) + ".");
        } else if (key.expired(now)) {
            refusal = ApiError.expiredKey("This API key expired on " + StoredKey.iso(key.expiresAt) + ".");
        } else if (key.disabled()) {
            refusal = new ApiError(403, ApiError.PERMISSION, "key_disabled", "This API key is disabled.");
        } else if (!key.hasScope("chat:write") && !key.hasScope("inference")) {
            refusal = ApiError.insufficientScope("This API key lacks the scope chat:write.");
        }
        if (refusal != null) {
            ledger.record(key, now, 0, 0, true);
            throw refusal.from(hint);
        }
        return key;
    }

    /**
     * The key's own terms: a model it may not call (403 {@code model_not_allowed}), its requests or tokens
     * per minute used up (429 {@code rate_limited}, the {@code X-RateLimit-*} headers then count the key's
     * own limit), or its budget spent (429 {@code budget_exceeded}, {@code Retry-After} until the reset).
     */
    private ApiError refusalByTerms(ApiExchange ex, StoredKey key, String model, long now) {
        KeyTerms terms = key.terms();
        if (!terms.allowedModels().isEmpty() && (model == null || !terms.allowedModels().contains(model))) {
            return new ApiError(403, ApiError.PERMISSION, "model_not_allowed", "This API key may not call the model "
                    + (model == null ? "(none given)" : "\"" + truncate(model) + "\"") + "; it may call "
                    + String.join(", ", terms.allowedModels()) + ".");
        }
        if (terms.requestsPerMinute() != null || terms.tokensPerMinute() != null) {
            RateLimiter.Decision decision = keyLimits.take(key, now);
            ex.setRate(decision);
            if (!decision.allowed()) {
                return new ApiError(429, "rate_limit_error", "rate_limited", "This API key is limited to "
                        + (terms.requestsPerMinute() != null ? terms.requestsPerMinute() + " requests" : "")
                        + (terms.requestsPerMinute() != null && terms.tokensPerMinute() != null ? " and " : "")
                        + (terms.tokensPerMinute() != null ? terms.tokensPerMinute() + " tokens" : "")
                        + " a minute; retry after " + decision.retryAfterSeconds() + " s.")
                        .withRetryAfter(decision.retryAfterSeconds());
            }
        }
        if (terms.budget() != null) {
            SpendMeter.Snapshot spend = meter.snapshot(key, now);
            double spent = spend.forReset(terms.reset());
            if (spent >= terms.budget().doubleValue()) {
                java.time.Instant resets = SpendMeter.resetsAt(terms.reset(), spend.today());
                ApiError error = new ApiError(429, "rate_limit_error", "budget_exceeded", "This API key has spent $"
                        + SpendMeter.usd(spent).toPlainString() + " of its $" + terms.budget().toPlainString() + " "
                        + ("never".equals(terms.reset()) ? "budget" : terms.reset() + " budget")
                        + (resets == null ? "; raise the budget to use it again." : "; it resets at " + resets + "."));
                return resets == null ? error : error.withRetryAfter(Math.max(1, (resets.toEpochMilli() - now) / 1000));
            }
        }
        return null;
    }

    private static String truncate(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "…";
    }

    static boolean looksLikeInferenceKey(String token) {
        return (token.startsWith(StoredKey.LIVE_PREFIX) || token.startsWith(StoredKey.TEST_PREFIX))
                && token.length() == StoredKey.LIVE_PREFIX.length() + 32
                && Base62.isBase62(token.substring(StoredKey.LIVE_PREFIX.length()));
    }
}
