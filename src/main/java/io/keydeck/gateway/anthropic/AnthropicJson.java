package io.keydeck.gateway.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.http.JsonFields;
import io.keydeck.model.ApiKey;
import io.keydeck.model.KeyAccount;
import io.keydeck.model.KeyEnvironment;
import io.keydeck.model.KeyOwner;
import io.keydeck.model.OwnerKind;
import io.keydeck.model.UsagePoint;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Maps Anthropic Admin API objects: keys by {@code status} with their owners, usage summed over cache kinds. */
final class AnthropicJson {
    private AnthropicJson() {
    }

    /**
     * {@code archived} is Anthropic's permanent revoke, {@code inactive} a reversible disable. Owners, most
     * specific first: the user or service account the key acts as ({@code principal}), else whoever created it
     * ({@code created_by}), then its workspace; {@code directory} names them.
     */
    static ApiKey apiKey(JsonNode node, AnthropicDirectory directory, String requestId) throws GatewayException {
        String id = JsonFields.text(node, "id");
        if (id == null) {
            throw JsonFields.unexpected("Anthropic listed a key without an id.", requestId);
        }
        String status = JsonFields.text(node, "status");
        JsonFields.MaskedKey hint = JsonFields.masked(JsonFields.text(node, "partial_key_hint"));
        // The current key shape (as the official Java SDK models it) nests the workspace in "scope":
        // {"type":"workspace","workspace_id":"wrkspc_…"} or {"type":"organization"} (no workspace); older answers
        // had "workspace_id" at the top.
        String workspace = JsonFields.text(node.path("scope"), "workspace_id");
        if (workspace == null) {
            workspace = JsonFields.text(node, "workspace_id");
        }
        KeyAccount account = KeyAccount.builder().owner(owner(node, directory))
                .owner(workspace == null ? null
                        : new KeyOwner(OwnerKind.WORKSPACE, workspace, directory.workspaces().get(workspace)))
                .build();
        return new ApiKey(id, JsonFields.text(node, "name"), hint.prefix(), hint.lastFour(), KeyEnvironment.NONE,
                List.of(), JsonFields.instant(node, "created_at", requestId), null, null,
                JsonFields.instant(node, "expires_at", requestId), "archived".equals(status), null,
                "inactive".equals(status), Map.of("Status", status == null ? "unknown" : status), account);
    }

    /**
     * {@code principal} ({@code {"type":"user_actor","user_id"}} or {@code {"type":"service_account_actor",
     * "service_account_id"}}), else {@code created_by} ({@code {"id","type":"user"|"service_account"}}); null
     * when the key has neither (legacy and system-made keys).
     */
    private static KeyOwner owner(JsonNode node, AnthropicDirectory directory) {
        JsonNode principal = node.path("principal");
        String user = JsonFields.text(principal, "user_id");
        String serviceAccount = JsonFields.text(principal, "service_account_id");
        if (user == null && serviceAccount == null) {
            JsonNode creator = node.path("created_by");
            String id = JsonFields.text(creator, "id");
            boolean isServiceAccount = "service_account".equals(JsonFields.text(creator, "type"));
            user = isServiceAccount ? null : id;
            serviceAccount = isServiceAccount ? id : null;
        }
        if (user != null) {
            return new KeyOwner(OwnerKind.USER, user, directory.userName(user), directory.isMember(user));
        }
        return serviceAccount == null ? null : new KeyOwner(OwnerKind.SERVICE_ACCOUNT, serviceAccount, null);
    }

    /**
     * One usage result of a bucket. Anthropic counts tokens, not requests, so requests and errors
     * stay 0; input tokens are uncached + cache reads + cache writes.
     */
    static UsagePoint usagePoint(Instant bucketStart, JsonNode result) {
        JsonNode cacheCreation = result.path("cache_creation");
        long cacheWrites = 0;
        for (JsonNode value : cacheCreation) {
            cacheWrites += value.asLong(0);
        }
        long input = result.path("uncached_input_tokens").asLong(0) + result.path("cache_read_input_tokens").asLong(0)
                + cacheWrites;
        return new UsagePoint(JsonFields.text(result, "api_key_id"), bucketStart, 0, input,
                result.path("output_tokens").asLong(0), 0);
    }
}
