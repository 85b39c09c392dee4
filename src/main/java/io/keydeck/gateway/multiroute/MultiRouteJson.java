package io.keydeck.gateway.multiroute;

import com.fasterxml.jackson.databind.JsonNode;
import io.keydeck.gateway.GatewayException;
import io.keydeck.model.ApiKey;
import io.keydeck.model.AuthEvent;
import io.keydeck.model.KeyEnvironment;
import io.keydeck.model.TokenInfo;
import io.keydeck.model.UsagePoint;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps MultiRoute JSON to the model, tolerating what the documented API leaves out: missing or
 * null fields, unknown fields (kept as display attributes when they are plain values), times as
 * ISO-8601 text or epoch seconds.
 */
final class MultiRouteJson {
    private static final Set<String> KEY_FIELDS = Set.of("id", "object", "name", "prefix", "last_four", "environment",
            "scopes", "created_at", "last_used_at", "last_used_ip", "expires_at", "revoked", "revoked_at",
            "disabled", "secret");

    private MultiRouteJson() {
    }

    static ApiKey apiKey(JsonNode node, String requestId) throws GatewayException {
        return apiKey(node, requestId, new HashMap<>());
    }

    /**
     * As {@link #apiKey(JsonNode, String)}, sharing equal prefixes, scope lists and IPs through
     * {@code repeated} (one map per page): 100,000 listed keys hold a handful of distinct ones.
     */
    static ApiKey apiKey(JsonNode node, String requestId, Map<Object, Object> repeated) throws GatewayException {
        String id = text(node, "id");
        if (id == null) {
            throw protocol("The gateway listed a key without an id.", requestId);
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!KEY_FIELDS.contains(field.getKey()) && field.getValue().isValueNode() && !field.getValue().isNull()) {
                attributes.put(field.getKey(), field.getValue().asText());
            }
        }
        return new ApiKey(id, text(node, "name"), shared(repeated, text(node, "prefix")), text(node, "last_four"),
                KeyEnvironment.fromWire(text(node, "environment")),
                shared(repeated, List.copyOf(strings(node.path("scopes")))),
                instant(node, "created_at", requestId), instant(node, "last_used_at", requestId),
                shared(repeated, text(node, "last_used_ip")), instant(node, "expires_at", requestId),
                node.path("revoked").asBoolean(false), instant(node, "revoked_at", requestId),
                node.path("disabled").asBoolean(false), attributes);
    }

    @SuppressWarnings("unchecked")
    private static <T> T shared(Map<Object, Object> repeated, T value) {
        return value == null ? null : (T) repeated.computeIfAbsent(value, v -> v);
    }

    static AuthEvent authEvent(JsonNode node, String requestId) throws GatewayException {
        JsonNode hint = node.path("key_hint");
        return new AuthEvent(text(node, "id"), instant(node, "occurred_at", requestId), node.path("status").asInt(0),
                text(node, "type"), text(node, "code"), text(node, "message"), text(node, "request_id"),
                text(hint, "prefix"), text(hint, "last_four"), text(node, "key_id"), text(node, "client_ip"),
                text(node, "user_agent"), text(node, "method"), text(node, "path"));
    }

    /** One usage point; equal key ids and bucket starts are shared through {@code repeated} (one map per answer). */
    static UsagePoint usagePoint(JsonNode node, String requestId, Map<Object, Object> repeated) throws GatewayException {
        Instant start = shared(repeated, instant(node, "bucket_start", requestId));
        if (start == null) {
            throw protocol("The gateway sent a usage point without bucket_start.", requestId);
        }
        return new UsagePoint(shared(repeated, text(node, "key_id")), start, node.path("requests").asLong(0),
                node.path("input_tokens").asLong(0), node.path("output_tokens").asLong(0),
                node.path("errors").asLong(0));
    }

    static TokenInfo tokenInfo(JsonNode node, String requestId) throws GatewayException {
        JsonNode scopes = node.has("scopes") ? node.path("scopes") : node.path("scope");
        return new TokenInfo(text(node, "subject"), strings(scopes), instant(node, "expires_at", requestId));
    }

    /** An array of strings, or one string of space- or comma-separated scopes (the JWT form). */
    static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> {
                if (n.isValueNode() && !n.isNull()) {
                    out.add(n.asText());
                }
            });
        } else if (node.isTextual()) {
            for (String part : node.asText().split("[\\s,]+")) {
                if (!part.isBlank()) {
                    out.add(part);
                }
            }
        }
        return out;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    static Instant instant(JsonNode node, String field, String requestId) throws GatewayException {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull() || value.isTextual() && value.asText().isBlank()) {
            return null;
        }
        if (value.isNumber()) {
            return Instant.ofEpochSecond(value.asLong());
        }
        String text = value.asText();
        Instant utc = plainUtc(text);
        if (utc != null) {
            return utc;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw protocol("The gateway sent \"" + field + "\" in a form KeyDeck cannot read as a time.", requestId);
        }
    }

    /**
     * "2026-05-02T00:22:43.061Z" read without the general parser, which costs several maps per call
     * and dominates reading 100,000 keys; null for any other form (the general parser decides).
     */
    private static Instant plainUtc(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-'
                || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            if (text.charAt(19) != '.' || length - 21 > 9) {
                return null;
            }
            int digits = digits(text, 20, length - 1);
            if (digits < 0) {
                return null;
            }
            nanos = digits;
            for (int i = length - 21; i < 9; i++) {
                nanos *= 10;
            }
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The decimal number in text[from, to), or -1 when any character is not a digit. */
    private static int digits(String text, int from, int to) {
        int number = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            number = number * 10 + (c - '0');
        }
        return number;
    }

    static GatewayException protocol(String message, String requestId) {
        return new GatewayException(GatewayException.Kind.PROTOCOL, 0, "unexpected_answer", message, requestId);
    }
}
