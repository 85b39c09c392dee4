package io.keydeck.gateway.multiroute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keydeck.gateway.GatewayDriver;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.http.GatewayHttp;
import io.keydeck.gateway.http.HttpGatewayClient;
import io.keydeck.gateway.http.IssuedAnyway;
import io.keydeck.gateway.http.GatewayJson;
import io.keydeck.gateway.http.GatewayResponse;
import io.keydeck.gateway.http.SecretAlreadyShownException;
import io.keydeck.model.ApiKey;
import io.keydeck.model.AuthEvent;
import io.keydeck.model.AuthEventQuery;
import io.keydeck.model.IssuedSecret;
import io.keydeck.model.KeyUpdate;
import io.keydeck.model.NewKeyRequest;
import io.keydeck.model.Page;
import io.keydeck.model.RevokeResult;
import io.keydeck.model.TokenInfo;
import io.keydeck.model.UsagePoint;
import io.keydeck.model.UsageQuery;
import io.keydeck.model.UsageSeries;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The MultiRoute key-management API (DESIGN.md §3) over the shared {@link GatewayHttp}. */
final class MultiRouteClient extends HttpGatewayClient {
    private static final String KEYS = "/v1/api-keys";
    /** The largest page the key listing accepts: 100,000 keys in 100 round trips. */
    static final int LIST_ALL_PAGE = 1000;
    /** What names a created key when another field of the answer cannot be read. */
    private static final List<String> IDENTITY = List.of("id", "name", "prefix", "last_four", "environment");


    MultiRouteClient(GatewayDriver driver, GatewayHttp http) {
        super(driver, http);
    }


    @Override
    public Page<ApiKey> listKeys(String cursor, int limit, boolean includeRevoked) throws GatewayException {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("limit", limit);
        query.put("after", cursor);
        query.put("include_revoked", includeRevoked ? "true" : null);
        return http.get(KEYS, query, new StreamedJsonReader().maxKeys(limit)::page).body();
    }

    @Override
    public int listPageSize() {
        return LIST_ALL_PAGE;
    }

    @Override
    public IssuedSecret createKey(NewKeyRequest request, String idempotencyKey) throws GatewayException {
        ObjectNode body = GatewayJson.mapper().createObjectNode();
        body.put("name", request.name());
        body.putPOJO("scopes", request.scopes());
        body.put("environment", request.environment().wireName());
        if (request.expiresAt() != null) {
            body.put("expires_at", request.expiresAt().toString());
        }
        if (request.limit() != null || request.rateLimits() != null) {
            body.set("limits", MultiRouteAccount.limits(request.limit(), request.rateLimits()));
        }
        String key = idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString();
        GatewayResponse<CreatedKeyReader.Created> response = http.post(KEYS, body, key, new CreatedKeyReader());
        CreatedKeyReader.Created created = response.body();
        if (created.secret() == null || created.secret().length == 0) {
            created.wipe();
            throw new SecretAlreadyShownException(MultiRouteJson.apiKey(created.key(), response.requestId()),
                    response.status(), response.requestId());
        }
        char[] secret = created.secret();
        return IssuedAnyway.issue(created.key(), secret,
                node -> withHintFromSecret(MultiRouteJson.apiKey(node, response.requestId()), secret), IDENTITY);
    }

    /**
     * MultiRoute's documented create answer has no {@code prefix} or {@code last_four}; the secret
     * in hand has both, so the new key is named by them rather than by "…". The prefix is everything
     * up to the last separator of the secret's first 16 characters ({@code mrk_live_}), never more.
     */
    static ApiKey withHintFromSecret(ApiKey key, char[] secret) {
        if (!key.prefix().isEmpty() && !key.lastFour().isEmpty() || secret.length < 8) {
            return key;
        }
        int end = 0;
        for (int i = 0; i < Math.min(16, secret.length - 4); i++) {
            if (secret[i] == '_' || secret[i] == '-') {
                end = i + 1;
            }
        }
        String prefix = key.prefix().isEmpty() ? new String(secret, 0, end) : key.prefix();
        String lastFour = key.lastFour().isEmpty() ? new String(secret, secret.length - 4, 4) : key.lastFour();
        return new ApiKey(key.id(), key.name(), prefix, lastFour, key.environment(), key.scopes(), key.createdAt(),
                key.lastUsedAt(), key.lastUsedIp(), key.expiresAt(), key.revoked(), key.revokedAt(), key.disabled(),
                key.attributes(), key.account());
    }

    @Override
    public ApiKey updateKey(String keyId, KeyUpdate update) throws GatewayException {
        ObjectNode body = GatewayJson.mapper().createObjectNode();
        if (update.name() != null) {
            body.put("name", update.name());
        }
        if (update.disabled() != null) {
            body.put("disabled", update.disabled());
        }
        if (update.changesLimits()) {
            body.set("limits", MultiRouteAccount.limits(update.limit(), update.rateLimits()));
        }
        if (update.scopes() != null) {
            body.putPOJO("scopes", update.scopes());
        }
        if (update.models() != null) {
            body.putPOJO("allowed_models", update.models());
        }
        GatewayResponse<JsonNode> response = http.patch(keyPath(keyId), body);
        JsonNode data = response.body().path("data");
        return MultiRouteJson.apiKey(data.isObject() ? data : response.body(), response.requestId());
    }

    @Override
    public RevokeResult revokeKey(String keyId) throws GatewayException {
        GatewayResponse<JsonNode> response = http.delete(keyPath(keyId));
        JsonNode body = response.body();
        String id = Optional.ofNullable(MultiRouteJson.text(body, "id")).orElse(keyId);
        return new RevokeResult(id, body.path("revoked").asBoolean(true), response.requestId());
    }

    @Override
    public UsageSeries usage(UsageQuery query) throws GatewayException {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("start", query.start());
        params.put("end", query.end());
        params.put("bucket", query.bucket().wireName());
        params.put("key_id", query.keyId());
        params.put("include", query.cost() ? "cost" : null);
        GatewayResponse<List<UsagePoint>> response = http.get("/v1/usage", params, new StreamedJsonReader()::usage);
        return new UsageSeries(query, response.body());
    }

    @Override
    public Page<AuthEvent> authEvents(AuthEventQuery query) throws GatewayException {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("since", query.since());
        params.put("until", query.until());
        params.put("limit", query.limit());
        params.put("after", query.after());
        params.put("status", query.status());
        params.put("code", query.code());
        GatewayResponse<JsonNode> response = http.get("/v1/auth-events", params);
        JsonNode data = response.body().path("data");
        if (!data.isArray()) {
            throw MultiRouteJson.protocol("The gateway's auth events answer has no \"data\" array.",
                    response.requestId());
        }
        List<AuthEvent> events = new ArrayList<>();
        for (JsonNode item : data) {
            events.add(MultiRouteJson.authEvent(item, response.requestId()));
        }
        JsonNode hasMore = response.body().path("has_more");
        String cursor = hasMore.isBoolean() && !hasMore.asBoolean() ? null
                : MultiRouteJson.text(response.body(), "next_cursor");
        return new Page<>(events, cursor);
    }

    @Override
    public TokenInfo tokenInfo() throws GatewayException {
        GatewayResponse<JsonNode> response = http.get("/v1/token", Map.of());
        return MultiRouteJson.tokenInfo(response.body(), response.requestId());
    }



    private static String keyPath(String keyId) {
        return KEYS + "/" + GatewayHttp.segment(keyId);
    }
}
