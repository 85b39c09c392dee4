package io.keydeck.gateway.openai;

import com.fasterxml.jackson.databind.JsonNode;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.http.JsonFields;
import io.keydeck.model.ApiKey;
import io.keydeck.model.AuthEvent;
import io.keydeck.model.KeyEnvironment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps OpenAI Admin API objects. A project key's id is {@code <project id>/<key id>}, because
 * deleting it needs both; an admin key's id is OpenAI's own.
 */
final class OpenAiJson {
    private OpenAiJson() {
    }

    static ApiKey adminKey(JsonNode node, String requestId) throws GatewayException {
        String id = requireId(node, requestId);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("Kind", "Admin key");
        attributes.put("Project", "Organization");
        putOwner(attributes, node.path("owner"));
        return key(id, node, attributes, requestId);
    }

    static ApiKey projectKey(String projectId, String projectName, JsonNode node, String requestId)
            throws GatewayException {
        String id = projectId + "/" + requireId(node, requestId);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("Kind", "Project key");
        attributes.put("Project", projectName == null ? projectId : projectName);
        JsonNode owner = node.path("owner");
        putOwner(attributes, owner.path("user").isObject() ? owner.path("user") : owner.path("service_account"));
        return key(id, node, attributes, requestId);
    }

    private static ApiKey key(String id, JsonNode node, Map<String, String> attributes, String requestId)
            throws GatewayException {
        JsonFields.MaskedKey hint = JsonFields.masked(JsonFields.text(node, "redacted_value"));
        return new ApiKey(id, JsonFields.text(node, "name"), hint.prefix(), hint.lastFour(), KeyEnvironment.NONE,
                JsonFields.strings(node.path("scopes")), JsonFields.instant(node, "created_at", requestId),
                JsonFields.instant(node, "last_used_at", requestId), null,
                JsonFields.instant(node, "expires_at", requestId), false, null, false, attributes);
    }

    private static void putOwner(Map<String, String> attributes, JsonNode owner) {
        Optional.ofNullable(JsonFields.text(owner, "email")).or(() -> Optional.ofNullable(JsonFields.text(owner, "name")))
                .ifPresent(o -> attributes.put("Owner", o));
    }

    private static String requireId(JsonNode node, String requestId) throws GatewayException {
        String id = JsonFields.text(node, "id");
        if (id == null) {
            throw JsonFields.unexpected("OpenAI listed a key without an id.", requestId);
        }
        return id;
    }

    /**
     * An audit-log entry about a key or a failed login. The event's details sit under a field named
     * after its type ({@code "api_key.created": {"id": …}}).
     */
    static AuthEvent auditEvent(JsonNode node, String requestId) throws GatewayException {
        String type = JsonFields.text(node, "type");
        JsonNode details = type == null ? node.path("") : node.path(type);
        JsonNode actor = node.path("actor");
        JsonNode session = actor.path("session");
        String who = Optional.ofNullable(JsonFields.text(session.path("user"), "email"))
                .or(() -> Optional.ofNullable(JsonFields.text(actor.path("api_key").path("user"), "email")))
                .or(() -> Optional.ofNullable(JsonFields.text(actor.path("api_key").path("service_account"), "id")))
                .orElse("unknown actor");
        String subjectId = JsonFields.text(details, "id");
        String code = JsonFields.text(details, "error_code");
        String message = describe(type, subjectId, who, JsonFields.text(details, "error_message"));
        return new AuthEvent(JsonFields.text(node, "id"), JsonFields.instant(node, "effective_at", requestId), 0, type,
                code, message, null, null, null, type != null && type.startsWith("api_key.") ? subjectId : null,
                JsonFields.text(session, "ip_address"), JsonFields.text(session, "user_agent"), null, null);
    }

    private static String describe(String type, String id, String who, String errorMessage) {
        if (type == null) {
            return "Audit event by " + who;
        }
        return switch (type) {
            case "api_key.created" -> "Key " + id + " created by " + who;
            case "api_key.updated" -> "Key " + id + " changed by " + who;
            case "api_key.deleted" -> "Key " + id + " deleted by " + who;
            case "login.failed" -> "Failed login by " + who + (errorMessage == null ? "" : ": " + errorMessage);
            default -> type + " by " + who;
        };
    }

    static List<String> keyEventTypes() {
        return List.of("api_key.created", "api_key.updated", "api_key.deleted", "login.failed");
    }
}
