package io.keydeck.gateway.openrouter;

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
import io.keydeck.gateway.http.SecretFieldReader;
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
import io.keydeck.model.UsageQuery;
import io.keydeck.model.UsageSeries;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OpenRouter's {@code /api/v1/keys} over the shared {@link GatewayHttp}. Public because credit
 * limits are OpenRouter-only: {@link #createKeyWithLimit(NewKeyRequest, OpenRouterLimit)} and
 * {@link #setLimit(String, OpenRouterLimit)} carry them.
 */
public final class OpenRouterClient extends HttpGatewayClient {
    private static final String KEYS = "/api/v1/keys";
    /** The most workspaces {@code GET /api/v1/workspaces} answers per page, as its reference states. */
    private static final int WORKSPACE_PAGE = 100;
    private static final String NO_RATE_LIMITS = "OpenRouter keys have no rate limits of their own, only a credit "
            + "limit; nothing was sent.";

    /** The organization's workspaces (id and name), read once per listing; one unnamed entry without them. */
    private volatile List<Map.Entry<String, String>> workspaces;

    OpenRouterClient(GatewayDriver driver, GatewayHttp http) {
        super(driver, http);
    }


    /**
     * Every workspace's keys: OpenRouter lists only the default workspace unless {@code workspace_id}
     * is given, so the workspaces are read first ({@code GET /api/v1/workspaces}; an account without
     * them lists its default workspace). Pages go by {@code offset}; OpenRouter states no page size,
     * so the next page is asked for until one comes back empty. The cursor is
     * {@code <workspace index>:<offset>}; {@code limit} is not sent (there is no such parameter).
     * Disabled keys are always included (deleted keys are gone).
     */
    @Override
    public Page<ApiKey> listKeys(String cursor, int limit, boolean includeRevoked) throws GatewayException {
        if (cursor == null) {
            workspaces = null;
        }
        int[] at = parseCursor(cursor);
        List<Map.Entry<String, String>> all = workspaces();
        if (at[0] >= all.size()) {
            return new Page<>(List.of(), null);
        }
        Map.Entry<String, String> workspace = all.get(at[0]);
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("include_disabled", "true");
        query.put("offset", at[1] == 0 ? null : at[1]);
        query.put("workspace_id", workspace.getKey().isEmpty() ? null : workspace.getKey());
        GatewayResponse<JsonNode> response = http.get(KEYS, query);
        JsonNode data = response.body().path("data");
        if (!data.isArray()) {
            throw JsonFields.unexpected("OpenRouter's key list has no \"data\" array.", response.requestId());
        }
        List<ApiKey> keys = new ArrayList<>();
        for (JsonNode item : data) {
            keys.add(OpenRouterJson.apiKey(item, workspaceName(JsonFields.text(item, "workspace_id")),
                    response.requestId()));
        }
        String next = !keys.isEmpty() ? at[0] + ":" + (at[1] + keys.size())
                : at[0] + 1 < all.size() ? (at[0] + 1) + ":0" : null;
        return new Page<>(keys, next);
    }

    private String workspaceName(String id) {
        List<Map.Entry<String, String>> known = workspaces;
        if (id == null || known == null) {
            return id;
        }
        return known.stream().filter(w -> w.getKey().equals(id)).map(Map.Entry::getValue).findFirst().orElse(id);
    }

    private List<Map.Entry<String, String>> workspaces() throws GatewayException {
        List<Map.Entry<String, String>> known = workspaces;
        if (known != null) {
            return known;
        }
        List<Map.Entry<String, String>> all = new ArrayList<>();
        try {
            int offset = 0;
            while (true) {
                Map<String, Object> query = new LinkedHashMap<>();
                query.put("limit", WORKSPACE_PAGE);
                query.put("offset", offset == 0 ? null : offset);
                GatewayResponse<JsonNode> response = http.get("/api/v1/workspaces", query);
                JsonNode data = response.body().path("data");
                for (JsonNode workspace : data) {
                    String id = JsonFields.text(workspace, "id");
                    if (id != null) {
                        all.add(Map.entry(id, Optional.ofNullable(JsonFields.text(workspace, "name")).orElse(id)));
                    }
                }
                offset += data.size();
                if (data.isEmpty() || offset >= response.body().path("total_count").asInt(0)) {
                    break;
                }
            }
        } catch (GatewayException e) {
            if (e.kind() != GatewayException.Kind.NOT_FOUND && e.kind() != GatewayException.Kind.FORBIDDEN) {
                throw e;
            }
        }
        if (all.isEmpty()) {
            all.add(Map.entry("", ""));
        }
        workspaces = List.copyOf(all);
        return workspaces;
    }

    private static int[] parseCursor(String cursor) throws GatewayException {
        if (cursor == null || cursor.isBlank()) {
            return new int[] {0, 0};
        }
        int colon = cursor.indexOf(':');
        try {
            int[] at = {Integer.parseInt(cursor.substring(0, colon)), Integer.parseInt(cursor.substring(colon + 1))};
            if (at[0] >= 0 && at[1] >= 0) {
                return at;
            }
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            // reported below
        }
        throw new GatewayException(GatewayException.Kind.INVALID_REQUEST, 0, "bad_cursor",
                "\"" + cursor + "\" is not an OpenRouter key-list cursor.", null);
    }

    /** A key with the request's credit limit, if any; the expiry is sent when set, scopes and environment do not exist here. */
    @Override
    public IssuedSecret createKey(NewKeyRequest request, String idempotencyKey) throws GatewayException {
        if (request.rateLimits() != null) {
            throw GatewayException.unsupported(NO_RATE_LIMITS);
        }
        return createKeyWithLimit(request, OpenRouterLimit.of(request.limit()));
    }

    /**
     * Creates a key with an optional credit limit. OpenRouter does not honour an
     * {@code Idempotency-Key}, so the create is sent once and never retried.
     */
    public IssuedSecret createKeyWithLimit(NewKeyRequest request, OpenRouterLimit limit) throws GatewayException {
        ObjectNode body = GatewayJson.mapper().createObjectNode();
        body.put("name", request.name());
        if (limit != null) {
            body.put("limit", limit.usd());
            body.put("limit_reset", limit.reset().wireName());
        }
        if (request.expiresAt() != null) {
            body.put("expires_at", request.expiresAt().toString());
        }
        GatewayResponse<SecretFieldReader.Created> response = http.post(KEYS, body, null,
                new SecretFieldReader("key"));
        SecretFieldReader.Created created = response.body();
        if (created.secret() == null || created.secret().length == 0) {
            throw JsonFields.unexpected("OpenRouter created the key but sent no \"key\" with its secret.",
                    response.requestId());
        }
        return IssuedAnyway.issue(created.rest().path("data"), created.secret(), data -> OpenRouterJson.apiKey(data,
                workspaceName(JsonFields.text(data, "workspace_id")), response.requestId()),
                List.of("hash", "name", "label"));
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
        refuseWhatTheDriverCannotEdit(update);
        if (update.rateLimits() != null) {
            throw GatewayException.unsupported(NO_RATE_LIMITS);
        }
        if (update.limit() != null) {
            putLimit(body, OpenRouterLimit.of(update.limit()));
        }
        return patch(keyId, body);
    }

    private static void putLimit(ObjectNode body, OpenRouterLimit limit) {
        if (limit == null) {
            body.putNull("limit");
            body.putNull("limit_reset");
        } else {
            body.put("limit", limit.usd());
            body.put("limit_reset", limit.reset().wireName());
        }
    }

    /** Sets or changes the credit limit of a key; {@code limit} null removes it. */
    public ApiKey setLimit(String keyId, OpenRouterLimit limit) throws GatewayException {
        ObjectNode body = GatewayJson.mapper().createObjectNode();
        putLimit(body, limit);
        return patch(keyId, body);
    }

    /** One key by its hash, with its current usage totals. */
    public ApiKey getKey(String keyId) throws GatewayException {
        GatewayResponse<JsonNode> response = http.get(keyPath(keyId), Map.of());
        return mapped(response);
    }

    private ApiKey patch(String keyId, ObjectNode body) throws GatewayException {
        GatewayResponse<JsonNode> response = http.patch(keyPath(keyId), body);
        return mapped(response);
    }

    private ApiKey mapped(GatewayResponse<JsonNode> response) throws GatewayException {
        JsonNode data = response.body().path("data");
        return OpenRouterJson.apiKey(data, workspaceName(JsonFields.text(data, "workspace_id")), response.requestId());
    }

    /** Deleting is OpenRouter's only way to revoke; the key disappears from the list. */
    @Override
    public RevokeResult revokeKey(String keyId) throws GatewayException {
        GatewayResponse<JsonNode> response = http.delete(keyPath(keyId));
        return new RevokeResult(keyId, response.body().path("deleted").asBoolean(true), response.requestId());
    }

    @Override
    public UsageSeries usage(UsageQuery query) throws GatewayException {
        throw GatewayException.unsupported(driver.unsupportedReason(Capability.USAGE));
    }

    @Override
    public Page<AuthEvent> authEvents(AuthEventQuery query) throws GatewayException {
        throw GatewayException.unsupported(driver.unsupportedReason(Capability.AUTH_EVENTS));
    }

    /** {@code GET /api/v1/key}: what OpenRouter knows about the token itself. */
    @Override
    public TokenInfo tokenInfo() throws GatewayException {
        GatewayResponse<JsonNode> response = http.get("/api/v1/key", Map.of());
        JsonNode data = response.body().path("data");
        boolean management = data.path("is_management_key").asBoolean(false)
                || data.path("is_provisioning_key").asBoolean(false);
        String label = Optional.ofNullable(JsonFields.text(data, "label")).orElse("OpenRouter key");
        String subject = label + (management ? " (management key)"
                : " (not a management key: it cannot list or create keys)");
        return new TokenInfo(subject, management ? List.of("keys:manage") : List.of(),
                JsonFields.instant(data, "expires_at", response.requestId()));
    }



    /** An empty hash would address {@code /api/v1/keys/} itself; refused before anything is sent. */
    private static String keyPath(String keyId) throws GatewayException {
        if (keyId == null || keyId.isBlank()) {
            throw new GatewayException(GatewayException.Kind.INVALID_REQUEST, 0, "missing_key_id",
                    "No key hash was given; nothing was sent to OpenRouter.", null);
        }
        return KEYS + "/" + GatewayHttp.segment(keyId);
    }
}
