package io.keydeck.gateway.litellm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keydeck.gateway.GatewayDriver;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.http.GatewayHttp;
import io.keydeck.gateway.http.HttpGatewayClient;
import io.keydeck.gateway.http.GatewayJson;
import io.keydeck.gateway.http.GatewayResponse;
import io.keydeck.gateway.http.IssuedAnyway;
import io.keydeck.gateway.http.JsonFields;
import io.keydeck.model.Amount;
import io.keydeck.model.ApiKey;
import io.keydeck.model.AuthEvent;
import io.keydeck.model.AuthEventQuery;
import io.keydeck.model.Capability;
import io.keydeck.model.IssuedSecret;
import io.keydeck.model.KeyUpdate;
import io.keydeck.model.NewKeyRequest;
import io.keydeck.model.Page;
import io.keydeck.model.RevokeResult;
import io.keydeck.model.TokenInfo;
import io.keydeck.model.UsagePoint;
import io.keydeck.model.UsageQuery;
import io.keydeck.model.UsageSeries;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The LiteLLM proxy's {@code /key/*} and {@code /spend/logs} endpoints over the shared
 * {@link GatewayHttp}. Public for {@link #regenerateKey(String)}, which has no generic counterpart.
 */
public final class LiteLlmClient extends HttpGatewayClient {
    /** What names a created or regenerated key when another field of the answer cannot be read. */
    private static final List<String> IDENTITY = List.of("token", "key_alias", "key_name");
    private final Clock clock;

    LiteLlmClient(GatewayDriver driver, GatewayHttp http, Clock clock) {
        super(driver, http);
        this.clock = clock;
    }


    /** The cursor is the next page number; LiteLLM deletes keys outright, so there are no revoked ones. */
    @Override
    public Page<ApiKey> listKeys(String cursor, int limit, boolean includeRevoked) throws GatewayException {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("page", cursor == null ? 1 : cursor);
        query.put("size", Math.min(Math.max(limit, 1), 100));
        query.put("return_full_object", "true");
        GatewayResponse<JsonNode> response = http.get("/key/list", query);
        JsonNode root = response.body();
        if (!root.path("keys").isArray()) {
            throw JsonFields.unexpected("The LiteLLM proxy's key list has no \"keys\" array.", response.requestId());
        }
        List<ApiKey> keys = new ArrayList<>();
        for (JsonNode item : root.path("keys")) {
            keys.add(item.isTextual() ? LiteLlmJson.apiKey(GatewayJson.mapper().createObjectNode(), item.asText(),
                    response.requestId()) : LiteLlmJson.apiKey(item, null, response.requestId()));
        }
        int page = root.path("current_page").asInt(1);
        int pages = root.path("total_pages").asInt(page);
        return new Page<>(keys, page < pages ? String.valueOf(page + 1) : null);
    }

    /**
     * {@code POST /key/generate} with the name as {@code key_alias} and the expiry as a duration in
     * seconds. LiteLLM keeps no idempotency key, so the create is sent once and never retried.
     */
    @Override
    public IssuedSecret createKey(NewKeyRequest request, String idempotencyKey) throws GatewayException {
        ObjectNode body = GatewayJson.mapper().createObjectNode();
        body.put("key_alias", request.name());
        if (request.expiresAt() != null) {
            long seconds = Duration.between(clock.instant(), request.expiresAt()).toSeconds();
            if (seconds <= 0) {
                throw new GatewayException(GatewayException.Kind.INVALID_REQUEST, 0, "expiry_in_past",
                        "The expiry must be in the future.", null);
            }
            body.put("duration", seconds + "s");
        }
        LiteLlmJson.putLimits(body, request.limit(), request.rateLimits());
        return issued(http.post("/key/generate", body, null, new IssuedKeyReader()),
                "The LiteLLM proxy made the key but sent no \"key\" with its secret.");
    }

    /**
     * {@code POST /key/{token}/regenerate}: a new secret for the same key (budgets and limits kept);
     * the old secret stops working. An Enterprise feature of LiteLLM.
     */
    public IssuedSecret regenerateKey(String keyId) throws GatewayException {
        requireId(keyId);
        return issued(http.post("/key/" + GatewayHttp.segment(keyId) + "/regenerate",
                GatewayJson.mapper().createObjectNode(), null, new IssuedKeyReader()),
                "The LiteLLM proxy regenerated the key but sent no \"key\" with the new secret; the old secret no "
                        + "longer works. Regenerate it again or create a new key.");
    }

    /**
     * Once the proxy answers 2xx it has already made (or replaced) the key, so the secret is handed on
     * whatever else the answer lacks. The id is the hash the answer sends as {@code token} (current
     * generate) or {@code token_id} (current regenerate, {@code "token": null}); a {@code token} that is
     * the secret itself (proxies without the endpoints' remap) is never used. Without a usable hash the
     * id is computed as the proxy does: SHA-256 of the secret, in hex.
     */
    private IssuedSecret issued(GatewayResponse<IssuedKeyReader.Issued> response, String noSecret)
            throws GatewayException {
        IssuedKeyReader.Issued answer = response.body();
        char[] secret = answer.secret();
        if (secret == null || secret.length == 0) {
            throw JsonFields.unexpected(noSecret, response.requestId());
        }
        // A field KeyDeck cannot read must not cost the new secret.
        ObjectNode rest = answer.rest();
        rest.put("token", answer.hash() != null ? answer.hash() : IssuedKeyReader.hashOf(secret));
        return IssuedAnyway.issue(rest, secret, node -> key(node, secret, response.requestId()), IDENTITY);
    }

    /** The key of a create or regenerate answer, its hint taken from the secret when the answer has none. */
    private ApiKey key(ObjectNode rest, char[] secret, String requestId) throws GatewayException {
        if (JsonFields.text(rest, "key_name") == null) {
            String last = new String(secret, Math.max(0, secret.length - 4), Math.min(4, secret.length));
            rest.put("key_name", "sk-..." + last);
        }
        if (!rest.hasNonNull("created_at")) {
            rest.put("created_at", clock.instant().toString());
        }
        return LiteLlmJson.apiKey(rest, null, requestId);
    }

    /**
     * A rename, limits and models go to {@code /key/update} in one request; disabling uses {@code /key/block}
     * and enabling {@code /key/unblock}, which take effect at once on the proxy. LiteLLM keys have no scopes,
     * only the models they may call.
     */
    @Override
    public ApiKey updateKey(String keyId, KeyUpdate update) throws GatewayException {
        requireId(keyId);
        if (update.scopes() != null) {
            throw GatewayException.unsupported("LiteLLM keys have no scopes; change the models the key may call "
                    + "instead.");
        }
        ObjectNode changes = GatewayJson.mapper().createObjectNode();
        changes.put("key", keyId);
        if (update.name() != null) {
            changes.put("key_alias", update.name());
        }
        LiteLlmJson.putLimits(changes, update.limit(), update.rateLimits());
        if (update.models() != null) {
            changes.putPOJO("models", update.models());
        }
        if (changes.size() > 1) {
            http.post("/key/update", changes, null);
        }
        if (update.disabled() != null) {
            ObjectNode body = GatewayJson.mapper().createObjectNode();
            body.put("key", keyId);
            try {
                http.post(update.disabled() ? "/key/block" : "/key/unblock", body, null);
            } catch (GatewayException e) {
                if (update.disabled() || e.kind() != GatewayException.Kind.NOT_FOUND && e.kind()
                        != GatewayException.Kind.SERVER && e.kind() != GatewayException.Kind.INVALID_REQUEST) {
                    throw e;
                }
                // Older proxies hashed whatever /key/unblock was given, so the hash KeyDeck holds was hashed
                // again and not found; /key/update with "blocked": false reaches the same key by its hash.
                ObjectNode update2 = GatewayJson.mapper().createObjectNode();
                update2.put("key", keyId);
                update2.put("blocked", false);
                http.post("/key/update", update2, null);
            }
        }
        return getKey(keyId);
    }

    /** {@code GET /key/info?key=…}: one key with its budgets and spend. */
    public ApiKey getKey(String keyId) throws GatewayException {
        GatewayResponse<JsonNode> response = http.get("/key/info", Map.of("key", keyId));
        return LiteLlmJson.apiKey(response.body().path("info"), keyId, response.requestId());
    }

    /** {@code POST /key/delete}: LiteLLM has no soft revoke, the key is deleted. */
    @Override
    public RevokeResult revokeKey(String keyId) throws GatewayException {
        requireId(keyId);
        ObjectNode body = GatewayJson.mapper().createObjectNode();
        body.putArray("keys").add(keyId);
        GatewayResponse<JsonNode> response = http.post("/key/delete", body, null);
        JsonNode deleted = response.body().path("deleted_keys");
        boolean revoked = !deleted.isArray() || deleted.toString().contains("\"" + keyId + "\"");
        return new RevokeResult(keyId, revoked, response.requestId());
    }

    /**
     * Buckets the proxy's per-request spend logs ({@code GET /spend/logs}) into hours or days; a log
     * with {@code status} "failure" counts as an error. Asked with {@link UsageQuery#cost()}, each bucket
     * carries the sum of its rows' {@code spend}, so hourly buckets are priced as well as daily ones.
     *
     * <p>The proxy reads {@code start_date}/{@code end_date} as dates and keeps rows whose
     * {@code startTime} is at most midnight of {@code end_date}, so the day after the last wanted one is
     * sent and rows outside the range are dropped here. {@code summarize=false} asks for one row per
     * request; a proxy older than that parameter answers per-day totals (date-only {@code startTime},
     * no tokens), and then a single key's logs are asked for without dates, as those proxies allow.
     */
    @Override
    public UsageSeries usage(UsageQuery query) throws GatewayException {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("api_key", query.keyId());
        params.put("start_date", query.start().atOffset(ZoneOffset.UTC).toLocalDate());
        params.put("end_date", query.end().minusNanos(1).atOffset(ZoneOffset.UTC).toLocalDate().plusDays(1));
        params.put("summarize", "false");
        GatewayResponse<JsonNode> response = http.get("/spend/logs", params);
        JsonNode rows = rows(response);
        if (LiteLlmJson.isDailySummary(rows)) {
            if (query.keyId() == null) {
                throw GatewayException.unsupported("This LiteLLM proxy answers /spend/logs for a date range only as "
                        + "daily spend totals, without tokens or requests per key (it predates summarize=false). "
                        + "Choose one key to see its usage, or upgrade the proxy.");
            }
            response = http.get("/spend/logs", Map.of("api_key", query.keyId()));
            rows = rows(response);
        }
        Map<String, Bucket> buckets = new TreeMap<>();
        long width = query.bucket().width().toSeconds();
        for (JsonNode row : rows) {
            Instant at = JsonFields.instant(row, "startTime", response.requestId());
            if (at == null || at.isBefore(query.start()) || !at.isBefore(query.end())) {
                continue;
            }
            Instant bucket = Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), width) * width);
            String key = Optional.ofNullable(JsonFields.text(row, "api_key")).orElse("");
            buckets.computeIfAbsent(bucket + "|" + key, k -> new Bucket()).add(row);
        }
        List<UsagePoint> points = new ArrayList<>();
        boolean unpriced = false;
        for (Map.Entry<String, Bucket> entry : buckets.entrySet()) {
            String k = entry.getKey();
            Bucket b = entry.getValue();
            int bar = k.indexOf('|');
            String keyId = k.substring(bar + 1);
            unpriced |= b.spend == null;
            points.add(new UsagePoint(keyId.isEmpty() ? null : keyId, Instant.parse(k.substring(0, bar)), b.requests,
                    b.inputTokens, b.outputTokens, b.errors,
                    query.cost() && b.spend != null ? Amount.usd(b.spend) : null));
        }
        points.sort(Comparator.comparing(UsagePoint::bucketStart));
        return new UsageSeries(query, points, query.cost() && unpriced ? UNPRICED_NOTE : null);
    }

    static final String UNPRICED_NOTE = "Some of the LiteLLM proxy's spend logs carry no spend, so the buckets they "
            + "fall in show no cost rather than a part of it.";

    /**
     * One key's requests in one bucket, from the proxy's spend-log rows ({@code LiteLLM_SpendLogs}): a row with
     * {@code status} "failure" is an error; {@code spend} is what the proxy priced the request at, in US dollars
     * (LiteLLM's cost map), summed per bucket — null once a row carries none, so a bucket is never priced in part.
     */
    private static final class Bucket {
        private long requests;
        private long inputTokens;
        private long outputTokens;
        private long errors;
        private BigDecimal spend = BigDecimal.ZERO;

        void add(JsonNode row) {
            requests++;
            inputTokens += row.path("prompt_tokens").asLong(0);
            outputTokens += row.path("completion_tokens").asLong(0);
            errors += "failure".equalsIgnoreCase(JsonFields.text(row, "status")) ? 1 : 0;
            Amount cost = JsonFields.amount(row, "spend", Amount.USD);
            spend = spend == null || cost == null ? null : spend.add(cost.value());
        }
    }

    private static JsonNode rows(GatewayResponse<JsonNode> response) throws GatewayException {
        JsonNode rows = response.body().isArray() ? response.body() : response.body().path("data");
        if (!rows.isArray()) {
            throw JsonFields.unexpected("The LiteLLM proxy's spend logs are not a list.", response.requestId());
        }
        return rows;
    }

    @Override
    public Page<AuthEvent> authEvents(AuthEventQuery query) throws GatewayException {
        throw GatewayException.unsupported(driver.unsupportedReason(Capability.AUTH_EVENTS));
    }

    /**
     * {@code GET /key/info} without a key describes the virtual key the request carries. The master
     * key is no virtual key (the proxy answers 404 "Key not found"), so on 404 the token is proved by
     * reading one entry of {@code /key/list}, which only a proxy admin may do for every key.
     */
    @Override
    public TokenInfo tokenInfo() throws GatewayException {
        GatewayResponse<JsonNode> response;
        try {
            response = http.get("/key/info", Map.of());
        } catch (GatewayException e) {
            if (e.kind() != GatewayException.Kind.NOT_FOUND) {
                throw e;
            }
            Map<String, Object> firstKey = new LinkedHashMap<>();
            firstKey.put("page", 1);
            firstKey.put("size", 1);
            http.get("/key/list", firstKey);
            return new TokenInfo("LiteLLM proxy admin (master key)", List.of(), null);
        }
        JsonNode info = response.body().path("info");
        String subject = Optional.ofNullable(JsonFields.text(info, "key_alias"))
                .or(() -> Optional.ofNullable(JsonFields.text(info, "user_id")))
                .orElse("LiteLLM proxy key");
        return new TokenInfo(subject, List.of(), JsonFields.instant(info, "expires", response.requestId()));
    }

    /** An empty id would address no key at all (or the caller's own); refused before anything is sent. */
    private static void requireId(String keyId) throws GatewayException {
        if (keyId == null || keyId.isBlank()) {
            throw new GatewayException(GatewayException.Kind.INVALID_REQUEST, 0, "missing_key_id",
                    "No key id was given; nothing was sent to the LiteLLM proxy.", null);
        }
    }
}
