package io.keydeck.gateway.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keydeck.gateway.GatewayDriver;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.http.BucketedUsagePages;
import io.keydeck.gateway.http.GatewayHttp;
import io.keydeck.gateway.http.HttpGatewayClient;
import io.keydeck.gateway.http.GatewayJson;
import io.keydeck.gateway.http.GatewayResponse;
import io.keydeck.gateway.http.JsonFields;
import io.keydeck.gateway.http.ListedNames;
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
import io.keydeck.model.UsageBucket;
import io.keydeck.model.UsagePoint;
import io.keydeck.model.UsageQuery;
import io.keydeck.model.UsageSeries;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Anthropic's Admin API key and usage endpoints over the shared {@link GatewayHttp}. */
public final class AnthropicClient extends HttpGatewayClient {
    private static final String KEYS = "/v1/organizations/api_keys";
    private static final int LARGEST_PAGE = 1000;

    /** Workspace and member names, read at the start of each listing and used by every key answer after it. */
    private volatile AnthropicDirectory directory = AnthropicDirectory.NONE;

    AnthropicClient(GatewayDriver driver, GatewayHttp http) {
        super(driver, http);
    }


    /**
     * Pages by {@code after_id}; archived keys are left out unless {@code includeRevoked}. The first page reads
     * the workspaces (archived ones too, for archived keys) and members first, so owners carry names.
     */
    @Override
    public Page<ApiKey> listKeys(String cursor, int limit, boolean includeRevoked) throws GatewayException {
        if (cursor == null) {
            directory = readDirectory();
        }
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("limit", Math.min(Math.max(limit, 1), LARGEST_PAGE));
        query.put("after_id", cursor);
        GatewayResponse<JsonNode> response = http.get(KEYS, query);
        JsonNode root = response.body();
        JsonNode data = root.path("data");
        if (!data.isArray()) {
            throw JsonFields.unexpected("Anthropic's key list has no \"data\" array.", response.requestId());
        }
        List<ApiKey> keys = new ArrayList<>();
        String lastId = null;
        for (JsonNode item : data) {
            ApiKey key = AnthropicJson.apiKey(item, directory, response.requestId());
            lastId = key.id();
            if (includeRevoked || !key.revoked()) {
                keys.add(key);
            }
        }
        String next = root.path("has_more").asBoolean(false)
                ? Optional.ofNullable(JsonFields.text(root, "last_id")).orElse(lastId) : null;
        return new Page<>(keys, next);
    }

    @Override
    public IssuedSecret createKey(NewKeyRequest request, String idempotencyKey) throws GatewayException {
        throw GatewayException.unsupported(driver.unsupportedReason(Capability.CREATE_KEY));
    }

    /** Renames and sets {@code status} to {@code inactive} (disabled) or {@code active}. */
    @Override
    public ApiKey updateKey(String keyId, KeyUpdate update) throws GatewayException {
        refuseWhatTheDriverCannotEdit(update);
        ObjectNode body = GatewayJson.mapper().createObjectNode();
        if (update.name() != null) {
            body.put("name", update.name());
        }
        if (update.disabled() != null) {
            body.put("status", update.disabled() ? "inactive" : "active");
        }
        return post(keyId, body);
    }

    /** Anthropic keys cannot be deleted; archiving is permanent and is KeyDeck's revoke here. */
    @Override
    public RevokeResult revokeKey(String keyId) throws GatewayException {
        ObjectNode body = GatewayJson.mapper().createObjectNode();
        body.put("status", "archived");
        GatewayResponse<JsonNode> response = http.post(keyPath(keyId), body, null);
        ApiKey key = AnthropicJson.apiKey(response.body(), directory, response.requestId());
        return new RevokeResult(key.id(), key.revoked(), response.requestId());
    }

    /**
     * The workspaces and members; a list Anthropic refuses (403) or does not offer (404) leaves its owners shown by
     * id (and, for members, whether they left unknown) rather than failing the key list.
     */
    private AnthropicDirectory readDirectory() throws GatewayException {
        Map<String, String> workspaces = namesOrNull(() -> ListedNames.read("Anthropic workspaces", LARGEST_PAGE,
                limits(), after -> http.get("/v1/organizations/workspaces",
                        afterId(after, Map.of("include_archived", true))),
                workspace -> JsonFields.text(workspace, "name")));
        Map<String, String> users = namesOrNull(() -> ListedNames.read("Anthropic organization members",
                LARGEST_PAGE, limits(), after -> http.get("/v1/organizations/users", afterId(after, Map.of())),
                user -> Optional.ofNullable(JsonFields.text(user, "email")).orElse(JsonFields.text(user, "name"))));
        return new AnthropicDirectory(workspaces, users);
    }

    @FunctionalInterface
    private interface NameList {
        Map<String, String> read() throws GatewayException;
    }

    private static Map<String, String> namesOrNull(NameList list) throws GatewayException {
        try {
            return list.read();
        } catch (GatewayException e) {
            if (e.kind() == GatewayException.Kind.FORBIDDEN || e.kind() == GatewayException.Kind.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    private static Map<String, Object> afterId(String after, Map<String, Object> filter) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("limit", LARGEST_PAGE);
        query.put("after_id", after);
        query.putAll(filter);
        return query;
    }

    /** One key by id. */
    public ApiKey getKey(String keyId) throws GatewayException {
        GatewayResponse<JsonNode> response = http.get(keyPath(keyId), Map.of());
        return AnthropicJson.apiKey(response.body(), directory, response.requestId());
    }

    private ApiKey post(String keyId, ObjectNode body) throws GatewayException {
        GatewayResponse<JsonNode> response = http.post(keyPath(keyId), body, null);
        return AnthropicJson.apiKey(response.body(), directory, response.requestId());
    }

    /** The Messages usage report grouped by API key, following {@code next_page} to the end. */
    @Override
    public UsageSeries usage(UsageQuery query) throws GatewayException {
        return BucketedUsagePages.read(query, limits(), "Anthropic", "usage report", "starting_at", page -> {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("starting_at", query.start());
            params.put("ending_at", query.end());
            params.put("bucket_width", query.bucket() == UsageBucket.HOUR ? "1h" : "1d");
            params.put("group_by[]", List.of("api_key_id"));
            params.put("api_key_ids[]", query.keyId() == null ? null : List.of(query.keyId()));
            params.put("limit", query.bucket() == UsageBucket.HOUR ? 168 : 31);
            params.put("page", page);
            return http.get("/v1/organizations/usage_report/messages", params);
        }, AnthropicJson::usagePoint);
    }

    @Override
    public Page<AuthEvent> authEvents(AuthEventQuery query) throws GatewayException {
        throw GatewayException.unsupported(driver.unsupportedReason(Capability.AUTH_EVENTS));
    }

    /** {@code GET /v1/organizations/me}: the organization the Admin key belongs to. */
    @Override
    public TokenInfo tokenInfo() throws GatewayException {
        GatewayResponse<JsonNode> response = http.get("/v1/organizations/me", Map.of());
        String name = JsonFields.text(response.body(), "name");
        String id = JsonFields.text(response.body(), "id");
        String subject = name == null ? "Anthropic organization " + id : name + (id == null ? "" : " (" + id + ")");
        return new TokenInfo(subject, List.of(), null);
    }



    private static String keyPath(String keyId) {
        return KEYS + "/" + GatewayHttp.segment(keyId);
    }
}
