package io.keydeck.gateway.multiroute;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.http.GatewayJson;
import io.keydeck.model.ApiKey;
import io.keydeck.model.AuthEvent;
import io.keydeck.model.TokenInfo;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps MultiRoute JSON to the model, tolerating what the documented API leaves out: missing or
 * null fields, unknown fields (kept as display attributes when they are plain values), times as
 * ISO-8601 text or epoch seconds.
 */
final class MultiRouteJson {
    private MultiRouteJson() {
    }

    /** A key object of a single-key answer (create, update), read as a listing reads it. */
    static ApiKey apiKey(JsonNode node, String requestId) throws GatewayException {
        try (JsonParser parser = node.traverse(GatewayJson.mapper())) {
            parser.nextToken();
            return new StreamedJsonReader().requestId(requestId).key(parser);
        } catch (IOException e) {
            throw protocol("The gateway's key could not be read.", requestId);
        }
    }

    static AuthEvent authEvent(JsonNode node, String requestId) throws GatewayException {
        JsonNode hint = node.path("key_hint");
        return new AuthEvent(text(node, "id"), instant(node, "occurred_at", requestId), node.path("status").asInt(0),
                text(node, "type"), text(node, "code"), text(node, "message"), text(node, "request_id"),
                text(hint, "prefix"), text(hint, "last_four"), text(node, "key_id"), text(node, "client_ip"),
                text(node, "user_agent"), text(node, "method"), text(node, "path"));
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
        if (value.isNumber()) {
            return Instant.ofEpochSecond(value.asLong());
        }
        return instant(value.isValueNode() && !value.isNull() ? value.asText() : null, field, requestId);
    }

    /** ISO-8601 text as an instant; null for null or blank text. */
    static Instant instant(String text, String field, String requestId) throws GatewayException {
        if (text == null || text.isBlank()) {
            return null;
        }
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
