package io.keydeck.gateway.multiroute;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.http.GatewayJson;
import io.keydeck.model.Amount;
import io.keydeck.model.ApiKey;
import io.keydeck.model.KeyAccount;
import io.keydeck.model.KeyEnvironment;
import io.keydeck.model.Page;
import io.keydeck.model.UsagePoint;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads MultiRoute's large answers, key lists and usage points, straight from the JSON tokens. A
 * listing of 100,000 keys used to become 100 JSON trees of 1,000 objects each before it became keys;
 * read token by token it costs a third of the time and little garbage. Tolerates what the documented
 * API leaves out: missing or null fields, unknown fields (kept as display attributes of a key when
 * they are plain values), times as ISO-8601 text or epoch seconds, booleans and numbers as text.
 * A key's {@code secret} field is skipped unread.
 *
 * <p>One reader serves one answer: equal prefixes, scope lists, IPs, key ids and bucket starts are
 * shared across its values.
 */
final class StreamedJsonReader {
    private final Map<Object, Object> repeated = new HashMap<>();
    private String requestId;
    private int maxKeys = Integer.MAX_VALUE;

    /** A page with more keys than this is refused as soon as the extra key starts, not after reading it all. */
    StreamedJsonReader maxKeys(int max) {
        this.maxKeys = max;
        return this;
    }

    /** The request id to name in protocol errors, when it is known (a streamed listing adds it later). */
    StreamedJsonReader requestId(String id) {
        this.requestId = id;
        return this;
    }

    /**
     * A page {@code {"data":[…],"has_more":…,"next_cursor":…}} or a plain array of keys. Without
     * {@code next_cursor}, {@code has_more: true} makes the last id the cursor.
     */
    Page<ApiKey> page(JsonParser parser) throws IOException, GatewayException {
        JsonToken first = parser.nextToken();
        if (first == JsonToken.START_ARRAY) {
            return new Page<>(keys(parser), null);
        }
        if (first != JsonToken.START_OBJECT) {
            throw MultiRouteJson.protocol("The gateway's key list has no \"data\" array.", requestId);
        }
        List<ApiKey> keys = null;
        String cursor = null;
        Boolean hasMore = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "data" -> {
                    if (value != JsonToken.START_ARRAY) {
                        throw MultiRouteJson.protocol("The gateway's key list has no \"data\" array.", requestId);
                    }
                    keys = keys(parser);
                }
                case "next_cursor" -> cursor = scalarText(parser, value);
                case "has_more" -> hasMore = bool(parser, value);
                default -> parser.skipChildren();
            }
        }
        if (keys == null) {
            throw MultiRouteJson.protocol("The gateway's key list has no \"data\" array.", requestId);
        }
        if (Boolean.FALSE.equals(hasMore)) {
            cursor = null;
        } else if (cursor == null && Boolean.TRUE.equals(hasMore) && !keys.isEmpty()) {
            cursor = keys.get(keys.size() - 1).id();
        }
        return new Page<>(keys, cursor);
    }

    /** One key object; the parser stands on its {@code START_OBJECT}. */
    ApiKey key(JsonParser parser) throws IOException, GatewayException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw MultiRouteJson.protocol("The gateway sent a key that is not a JSON object.", requestId);
        }
        String id = null;
        String name = null;
        String prefix = null;
        String lastFour = null;
        String environment = null;
        List<String> scopes = List.of();
        Instant createdAt = null;
        Instant lastUsedAt = null;
        String lastUsedIp = null;
        Instant expiresAt = null;
        boolean revoked = false;
        Instant revokedAt = null;
        boolean disabled = false;
        Map<String, String> attributes = Map.of();
        JsonNode spend = null;
        JsonNode limits = null;
        JsonNode models = null;
        JsonNode owner = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "id" -> id = scalarText(parser, value);
                case "name" -> name = scalarText(parser, value);
                case "prefix" -> prefix = shared(scalarText(parser, value));
                case "last_four" -> lastFour = scalarText(parser, value);
                case "environment" -> environment = scalarText(parser, value);
                case "scopes" -> scopes = shared(List.copyOf(scopes(parser, value)));
                case "created_at" -> createdAt = instant(parser, value, field);
                case "last_used_at" -> lastUsedAt = instant(parser, value, field);
                case "last_used_ip" -> lastUsedIp = shared(scalarText(parser, value));
                case "expires_at" -> expiresAt = instant(parser, value, field);
                case "revoked" -> revoked = Boolean.TRUE.equals(bool(parser, value));
                case "revoked_at" -> revokedAt = instant(parser, value, field);
                case "disabled" -> disabled = Boolean.TRUE.equals(bool(parser, value));
                case "spend" -> spend = tree(parser);
                case "limits" -> limits = tree(parser);
                case "allowed_models" -> models = tree(parser);
                case "owner" -> owner = tree(parser);
                case "object", "secret" -> parser.skipChildren();
                default -> {
                    String text = scalarText(parser, value);
                    if (text != null) {
                        if (attributes.isEmpty()) {
                            attributes = new LinkedHashMap<>();
                        }
                        attributes.put(field, text);
                    }
                }
            }
        }
        if (id == null) {
            throw MultiRouteJson.protocol("The gateway listed a key without an id.", requestId);
        }
        KeyAccount account = spend == null && limits == null && models == null && owner == null ? KeyAccount.UNKNOWN
                : MultiRouteAccount.read(spend, limits, models, owner);
        return new ApiKey(id, name, prefix, lastFour, KeyEnvironment.fromWire(environment), scopes, createdAt,
                lastUsedAt, lastUsedIp, expiresAt, revoked, revokedAt, disabled, attributes, account);
    }

    /** The value the parser stands on, as a small tree (a key's spend or limits object). */
    private static JsonNode tree(JsonParser parser) throws IOException {
        return GatewayJson.mapper().readTree(parser);
    }

    /** {@code {"data":[{"key_id","bucket_start","requests","input_tokens","output_tokens","errors","cost"?}…]}}. */
    List<UsagePoint> usage(JsonParser parser) throws IOException, GatewayException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new JsonParseException(parser, "expected a JSON object with a \"data\" array");
        }
        List<UsagePoint> points = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("data") && value == JsonToken.START_ARRAY) {
                points = new ArrayList<>();
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    points.add(usagePoint(parser));
                }
                if (parser.currentToken() != JsonToken.END_ARRAY) {
                    throw new JsonParseException(parser, "usage \"data\" must hold objects");
                }
            } else {
                parser.skipChildren();
            }
        }
        if (points == null) {
            throw MultiRouteJson.protocol("The gateway's usage answer has no \"data\" array.", requestId);
        }
        return points;
    }

    private UsagePoint usagePoint(JsonParser parser) throws IOException, GatewayException {
        String keyId = null;
        Instant start = null;
        long requests = 0;
        long inputTokens = 0;
        long outputTokens = 0;
        long errors = 0;
        Amount cost = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "key_id" -> keyId = shared(scalarText(parser, value));
                case "bucket_start" -> start = shared(instant(parser, value, field));
                case "requests" -> requests = count(parser, value);
                case "input_tokens" -> inputTokens = count(parser, value);
                case "output_tokens" -> outputTokens = count(parser, value);
                case "errors" -> errors = count(parser, value);
                case "cost" -> {
                    if (value == JsonToken.START_OBJECT) {
                        cost = MultiRouteAccount.bucketCost(tree(parser));
                    } else {
                        parser.skipChildren(); // a cost without amount and unit is read as not reported
                    }
                }
                default -> parser.skipChildren();
            }
        }
        if (start == null) {
            throw MultiRouteJson.protocol("The gateway sent a usage point without bucket_start.", requestId);
        }
        return new UsagePoint(keyId, start, requests, inputTokens, outputTokens, errors, cost);
    }

    /** A whole number, also as text; 0 when absent or not a number. */
    private static long count(JsonParser parser, JsonToken value) throws IOException {
        return switch (value) {
            case VALUE_NUMBER_INT -> parser.getLongValue();
            case VALUE_NUMBER_FLOAT -> (long) parser.getDoubleValue();
            case VALUE_STRING -> {
                try {
                    yield Long.parseLong(parser.getText().strip());
                } catch (NumberFormatException e) {
                    yield 0;
                }
            }
            default -> {
                parser.skipChildren();
                yield 0;
            }
        };
    }

    private List<ApiKey> keys(JsonParser parser) throws IOException, GatewayException {
        List<ApiKey> keys = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() == null) {
                throw new JsonParseException(parser, "the key list ended early");
            }
            if (keys.size() >= maxKeys) {
                throw new GatewayException(GatewayException.Kind.PROTOCOL, 0, "page_too_large", "The gateway answered"
                        + " a request for at most " + maxKeys + " keys with more; KeyDeck refused the page.", requestId);
            }
            keys.add(key(parser));
        }
        return keys;
    }

    /** A plain value as text (numbers and booleans too); null for null, objects and arrays (skipped). */
    private static String scalarText(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
            parser.skipChildren();
            return null;
        }
        return value == JsonToken.VALUE_NULL ? null : parser.getText();
    }

    /** true/false, "true"/"false" or a number (non-zero is true); null when absent or unreadable. */
    private static Boolean bool(JsonParser parser, JsonToken value) throws IOException {
        return switch (value) {
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getDoubleValue() != 0;
            case VALUE_STRING -> {
                String text = parser.getText().strip();
                yield "true".equalsIgnoreCase(text) ? Boolean.TRUE : "false".equalsIgnoreCase(text) ? Boolean.FALSE : null;
            }
            default -> {
                parser.skipChildren();
                yield null;
            }
        };
    }

    /** An array of strings, or one string of space- or comma-separated scopes. */
    private static List<String> scopes(JsonParser parser, JsonToken value) throws IOException {
        List<String> out = new ArrayList<>();
        if (value == JsonToken.START_ARRAY) {
            for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
                String text = scalarText(parser, item);
                if (text != null) {
                    out.add(text);
                }
            }
        } else if (value == JsonToken.VALUE_STRING) {
            for (String part : parser.getText().split("[\\s,]+")) {
                if (!part.isBlank()) {
                    out.add(part);
                }
            }
        } else {
            parser.skipChildren();
        }
        return out;
    }

    private Instant instant(JsonParser parser, JsonToken value, String field) throws IOException, GatewayException {
        if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT) {
            return Instant.ofEpochSecond(parser.getLongValue());
        }
        return MultiRouteJson.instant(scalarText(parser, value), field, requestId);
    }

    @SuppressWarnings("unchecked")
    private <T> T shared(T value) {
        return value == null ? null : (T) repeated.computeIfAbsent(value, v -> v);
    }
}
