package io.keydeck.gateway.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.http.JsonFields;
import io.keydeck.model.ApiKey;
import io.keydeck.model.KeyEnvironment;
import io.keydeck.model.UsagePoint;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps Anthropic Admin API objects: keys by {@code status}, usage results summed over cache kinds. */
final class AnthropicJson {
    private AnthropicJson() {
    }

    /** {@code archived} is Anthropic's permanent revoke, {@code inactive} a reversible disable. */
    static ApiKey apiKey(JsonNode node, String requestId) throws GatewayException {
        String id = JsonFields.text(node, "id");
        if (id == null) {
            throw JsonFields.unexpected("Anthropic listed a key without an id.", requestId);
        }
        String status = JsonFields.text(node, "status");
        JsonFields.MaskedKey hint = JsonFields.masked(JsonFields.text(node, "partial_key_hint"));
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("Status", status == null ? "unknown" : status);
        // The current key shape (as the official Java SDK models it) nests the workspace in "scope":
        // {"type":"workspace","workspace_id":"wrkspc_…"} or {"type":"organization"}; older answers had
        // "workspace_id" at the top.
        JsonNode scope = node.path("scope");
        String workspace = JsonFields.text(scope, "workspace_id");
        if (workspace == null) {
            workspace = JsonFields.text(node, "workspace_id");
        }
        if (workspace == null && "organization".equals(JsonFields.text(scope, "type"))) {
            workspace = "Organization";
        }
        put(attributes, "Workspace", workspace);
        put(attributes, "Created by", JsonFields.text(node.path("created_by"), "id"));
        return new ApiKey(id, JsonFields.text(node, "name"), hint.prefix(), hint.lastFour(), KeyEnvironment.NONE,
                List.of(), JsonFields.instant(node, "created_at", requestId), null, null,
                JsonFields.instant(node, "expires_at", requestId), "archived".equals(status), null,
                "inactive".equals(status), attributes);
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

    private static void put(Map<String, String> attributes, String name, String value) {
        if (value != null) {
            attributes.put(name, value);
        }
    }
}
