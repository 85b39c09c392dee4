package io.keydeck.gateway.openai;

import com.fasterxml.jackson.databind.JsonNode;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.http.JsonFields;
import io.keydeck.model.ApiKey;
import io.keydeck.model.AuthEvent;
import io.keydeck.model.KeyAccount;
import io.keydeck.model.KeyEnvironment;
import io.keydeck.model.KeyOwner;
import io.keydeck.model.OwnerKind;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps OpenAI Admin API objects. A project key's id is {@code <project id>/<key id>}, because
 * deleting it needs both; an admin key's id is OpenAI's own. Owners: the user or service account that owns
 * the key, then its project (admin keys belong to the organization, which has no owner entry).
 */
final class OpenAiJson {
    private OpenAiJson() {
    }

    /** An admin key's {@code owner} is flat: {@code {"type":"user"|"service_account","id","name",…}}. */
    static ApiKey adminKey(JsonNode node, OpenAiCosts costs, String requestId) throws GatewayException {
        String id = requireId(node, requestId);
        JsonNode owner = node.path("owner");
        KeyAccount.Builder account = KeyAccount.builder().owner(owner(JsonFields.text(owner, "type"), owner, null));
        costs.addTo(id, account);
        return key(id, node, "Admin key", account.build(), requestId);
    }

    /**
     * A project key's {@code owner} nests the person or account under its type
     * ({@code {"type":"user","user":{…}}}); {@code owner_project_access} says whether that owner still has
     * access to the project ({@code active}) or lost it ({@code inactive}).
     */
    static ApiKey projectKey(String projectId, String projectName, OpenAiCosts costs, JsonNode node,
                             String requestId) throws GatewayException {
        String plainId = requireId(node, requestId);
        String id = projectId + "/" + plainId;
        JsonNode owner = node.path("owner");
        String type = JsonFields.text(owner, "type");
        if (type == null) {
            type = owner.path("user").isObject() ? "user" : "service_account";
        }
        String access = JsonFields.text(node, "owner_project_access");
        Boolean member = "active".equals(access) ? Boolean.TRUE : "inactive".equals(access) ? Boolean.FALSE : null;
        KeyAccount.Builder account = KeyAccount.builder().owner(owner(type, owner.path(type), member))
                .owner(new KeyOwner(OwnerKind.PROJECT, projectId, projectName));
        costs.addTo(plainId, account);
        return key(id, node, "Project key", account.build(), requestId);
    }

    private static ApiKey key(String id, JsonNode node, String kind, KeyAccount account, String requestId)
            throws GatewayException {
        JsonFields.MaskedKey hint = JsonFields.masked(JsonFields.text(node, "redacted_value"));
        return new ApiKey(id, JsonFields.text(node, "name"), hint.prefix(), hint.lastFour(), KeyEnvironment.NONE,
                JsonFields.strings(node.path("scopes")), JsonFields.instant(node, "created_at", requestId),
                JsonFields.instant(node, "last_used_at", requestId), null,
                JsonFields.instant(node, "expires_at", requestId), false, null, false, Map.of("Kind", kind), account);
    }

    /** A user shown by e-mail (names repeat, addresses do not), a service account by name; null with neither. */
    private static KeyOwner owner(String type, JsonNode who, Boolean member) {
        OwnerKind kind = "service_account".equals(type) ? OwnerKind.SERVICE_ACCOUNT : OwnerKind.USER;
        String id = JsonFields.text(who, "id");
        String name = Optional.ofNullable(JsonFields.text(who, "email")).orElse(JsonFields.text(who, "name"));
        return id == null && name == null ? null : new KeyOwner(kind, id, name, member);
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
