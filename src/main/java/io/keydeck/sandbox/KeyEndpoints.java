package io.keydeck.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code /v1/api-keys}: list, create, read, change (name, disabled, scopes, limits, allowed models, owner) and
 * revoke inference keys.
 */
final class KeyEndpoints {
    /** The sandbox's own scopes and those MultiRoute's documents name ({@code inference} in their create example). */
    static final Set<String> KNOWN_SCOPES = Set.of("inference", "chat:write", "embeddings:write", "models:read",
            "usage:read", "keys:read", "keys:manage", "audit:read", "config:read", "config:write");
    static final int MAX_NAME = 100;

    private final KeyStore keys;
    private final Clock clock;
    private final SpendMeter meter;

    KeyEndpoints(KeyStore keys, Clock clock, SpendMeter meter) {
        this.keys = keys;
        this.clock = clock;
        this.meter = meter;
    }

    void list(ApiExchange ex) throws IOException {
        int limit = QueryParams.limit(ex);
        int before = QueryParams.after(ex, 'k');
        boolean includeRevoked = QueryParams.flag(ex, "include_revoked");
        long now = clock.millis();
        List<StoredKey> page = keys.newestBefore(before, limit + 1, k -> includeRevoked || !k.revoked());
        boolean hasMore = page.size() > limit;
        // Written straight to bytes, not built as a tree first: a page of 1000 keys is 350 KB.
        ByteArrayOutputStream body = new ByteArrayOutputStream(400 * Math.min(limit, page.size()) + 64);
        try (JsonGenerator json = ApiExchange.JSON.getFactory().createGenerator(body)) {
            json.writeStartObject();
            json.writeArrayFieldStart("data");
            for (int i = 0; i < Math.min(limit, page.size()); i++) {
                write(json, page.get(i), now);
            }
            json.writeEndArray();
            json.writeBooleanField("has_more", hasMore);
            json.writeStringField("next_cursor", hasMore ? QueryParams.cursor('k', page.get(limit - 1).seq) : null);
            json.writeEndObject();
        }
        ex.send(200, "application/json", body.toByteArray());
    }

    void get(ApiExchange ex, String id) throws IOException {
        ex.sendJson(200, toJson(find(id)));
    }

    void create(ApiExchange ex) throws IOException {
        JsonNode body = ex.jsonBody();
        String name = name(body.get("name"), true);
        List<String> scopes = scopes(body.get("scopes"));
        String prefix = environmentPrefix(body.get("environment"));
        long expiresAt = expiresAt(body.get("expires_at"));
        String idempotencyKey = ex.header("Idempotency-Key");
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 255)) {
            throw ApiError.badRequest("Idempotency-Key must be 1 to 255 characters.");
        }
        KeyTerms terms = KeyTermsReader.read(body, KeyTerms.NONE);
        KeyStore.Created created = keys.create(idempotencyKey, body,
                new KeyStore.KeySpec(name, prefix, scopes, expiresAt, terms), clock.millis());
        ObjectNode json = toJson(created.key());
        if (created.replay()) {
            json.put("idempotent_replay", true);
            ex.setHeader("Idempotent-Replayed", "true");
        } else {
            json.put("secret", created.secret());
        }
        ex.sendJson(201, json);
    }

    void update(ApiExchange ex, String id) throws IOException {
        StoredKey key = find(id);
        JsonNode body = ex.jsonBody();
        String name = name(body.get("name"), false);
        JsonNode disabled = body.get("disabled");
        if (disabled != null && !disabled.isNull() && !disabled.isBoolean()) {
            throw ApiError.unprocessable("disabled must be true or false.");
        }
        if (key.revoked()) {
            throw ApiError.unprocessable("Key " + key.id + " is revoked and can no longer be changed.");
        }
        // read everything before changing anything, so a bad field leaves the key as it was
        KeyTerms terms = KeyTermsReader.read(body, key.terms());
        List<String> scopes = body.has("scopes") ? scopes(body.get("scopes")) : null;
        if (scopes != null && (scopes.isEmpty() || body.get("scopes").isNull())) {
            throw ApiError.unprocessable("scopes must name at least one scope.");
        }
        if (name != null) {
            key.rename(name);
        }
        if (scopes != null) {
            key.setScopes(keys.scopes(scopes));
        }
        key.setTerms(terms);
        if (disabled != null && disabled.isBoolean()) {
            key.setDisabled(disabled.booleanValue());
        }
        ex.sendJson(200, toJson(key));
    }

    void revoke(ApiExchange ex, String id) throws IOException {
        StoredKey key = find(id);
        key.revoke(clock.millis());
        ObjectNode root = ApiExchange.JSON.createObjectNode();
        root.put("status", "ok");
        root.put("id", key.id);
        root.put("revoked", true);
        ex.sendJson(200, root);
    }

    private StoredKey find(String id) {
        StoredKey key = keys.byId(id);
        if (key == null) {
            throw ApiError.notFound("No API key with id \"" + id + "\".");
        }
        return key;
    }

    private ObjectNode toJson(StoredKey k) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(512);
        try (JsonGenerator json = ApiExchange.JSON.getFactory().createGenerator(body)) {
            write(json, k, clock.millis());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return (ObjectNode) ApiExchange.JSON.readTree(body.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One key as the API shows it; the one place its fields are spelled, for lists and single keys. */
    private void write(JsonGenerator json, StoredKey k, long now) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", k.id);
        json.writeStringField("name", k.name());
        json.writeStringField("prefix", k.prefix);
        json.writeStringField("last_four", k.lastFour);
        json.writeStringField("environment", k.environment());
        json.writeArrayFieldStart("scopes");
        for (String scope : k.scopes()) {
            json.writeString(scope);
        }
        json.writeEndArray();
        json.writeStringField("created_at", StoredKey.iso(k.createdAt));
        json.writeStringField("last_used_at", StoredKey.iso(k.lastUsedAt()));
        json.writeStringField("last_used_ip", k.lastUsedIp());
        json.writeStringField("expires_at", StoredKey.iso(k.expiresAt));
        json.writeBooleanField("revoked", k.revoked());
        json.writeStringField("revoked_at", StoredKey.iso(k.revokedAt()));
        json.writeBooleanField("disabled", k.disabled());
        meter.write(json, k, now);
        json.writeEndObject();
    }

    private static String name(JsonNode node, boolean required) {
        if (node == null || node.isNull()) {
            if (required) {
                throw ApiError.unprocessable("name is required.");
            }
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw ApiError.unprocessable("name must be a non-empty string.");
        }
        String name = node.asText().strip();
        if (name.length() > MAX_NAME) {
            throw ApiError.unprocessable("name must be at most " + MAX_NAME + " characters, was " + name.length() + ".");
        }
        return name;
    }

    private static List<String> scopes(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of("chat:write");
        }
        if (!node.isArray()) {
            throw ApiError.unprocessable("scopes must be an array of strings.");
        }
        List<String> scopes = new ArrayList<>();
        for (JsonNode s : node) {
            if (!s.isTextual() || !KNOWN_SCOPES.contains(s.asText())) {
                throw ApiError.unprocessable("Unknown scope " + s + "; known scopes: " + String.join(", ",
                        KNOWN_SCOPES.stream().sorted().toList()) + ".");
            }
            if (!scopes.contains(s.asText())) {
                scopes.add(s.asText());
            }
        }
        return scopes;
    }

    private static String environmentPrefix(JsonNode node) {
        if (node == null || node.isNull() || "live".equals(node.asText())) {
            return StoredKey.LIVE_PREFIX;
        }
        if ("test".equals(node.asText())) {
            return StoredKey.TEST_PREFIX;
        }
        throw ApiError.unprocessable("environment must be \"live\" or \"test\", was " + node + ".");
    }

    private long expiresAt(JsonNode node) {
        if (node == null || node.isNull()) {
            return 0;
        }
        Instant when;
        try {
            when = OffsetDateTime.parse(node.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiError.unprocessable("expires_at must be an ISO-8601 time such as 2026-01-31T00:00:00Z, was "
                    + node + ".");
        }
        if (!when.isAfter(clock.instant())) {
            throw ApiError.unprocessable("expires_at must be in the future, was " + when + ".");
        }
        return Math.max(1, when.toEpochMilli());
    }
}
