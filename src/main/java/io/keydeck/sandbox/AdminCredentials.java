package io.keydeck.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The sandbox's admin credentials: one opaque {@code mrk_admin_…} key with every admin scope, and
 * HS256 JWTs it signs with a key that lives only in this process.
 */
final class AdminCredentials {
    static final String ADMIN_PREFIX = "mrk_admin_";
    static final List<String> ADMIN_SCOPES = List.of("keys:read", "keys:manage", "usage:read", "audit:read",
            "config:read", "config:write");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /** Who made an admin request. */
    record Principal(String subject, List<String> scopes, Instant expiresAt) {
    }

    private final Clock clock;
    private final String opaqueToken;
    private final byte[] opaqueHash;
    private final byte[] signingKey = new byte[32];

    AdminCredentials(Clock clock) {
        this.clock = clock;
        SecureRandom random = new SecureRandom();
        this.opaqueToken = ADMIN_PREFIX + Base62.random(random, 32);
        this.opaqueHash = sha(opaqueToken);
        random.nextBytes(signingKey);
    }

    String opaqueToken() {
        return opaqueToken;
    }

    static boolean looksLikeJwt(String token) {
        return token.startsWith("eyJ") && token.chars().filter(c -> c == '.').count() == 2;
    }

    static boolean looksAdmin(String token) {
        return token.startsWith(ADMIN_PREFIX) || looksLikeJwt(token);
    }

    String mint(String subject, List<String> scopes, Duration ttl) {
        Instant now = clock.instant();
        ObjectNode payload = JSON.createObjectNode();
        payload.put("iss", "keydeck-sandbox");
        payload.put("sub", subject);
        payload.put("scope", String.join(" ", scopes));
        payload.put("iat", now.getEpochSecond());
        if (ttl != null) {
            payload.put("exp", now.plus(ttl).getEpochSecond());
        }
        String signingInput = B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + B64.encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8));
        return signingInput + "." + B64.encodeToString(hmac(signingInput));
    }

    /** The principal behind an admin token, or an {@link ApiError} saying why there is none. */
    Principal authenticate(String token) {
        if (token.startsWith(ADMIN_PREFIX)) {
            if (MessageDigest.isEqual(sha(token), opaqueHash)) {
                return new Principal("sandbox-admin", ADMIN_SCOPES, null);
            }
            throw ApiError.invalidKey("Invalid admin key.");
        }
        if (!looksLikeJwt(token)) {
            throw ApiError.invalidKey("Invalid API key.");
        }
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            throw ApiError.invalidKey("Malformed admin token.");
        }
        JsonNode header;
        JsonNode payload;
        byte[] signature;
        try {
            Base64.Decoder decoder = Base64.getUrlDecoder();
            header = JSON.readTree(decoder.decode(parts[0]));
            payload = JSON.readTree(decoder.decode(parts[1]));
            signature = decoder.decode(parts[2]);
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw ApiError.invalidKey("Malformed admin token.");
        }
        if (header == null || !"HS256".equals(header.path("alg").asText())
                || !MessageDigest.isEqual(signature, hmac(parts[0] + "." + parts[1]))) {
            throw ApiError.invalidKey("Admin token signature is not valid for this gateway.");
        }
        Instant expiresAt = payload.has("exp") ? Instant.ofEpochSecond(payload.path("exp").asLong()) : null;
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            throw ApiError.expiredKey("Admin token expired at " + expiresAt + ".");
        }
        return new Principal(payload.path("sub").asText("unknown"), scopesOf(payload.get("scope")), expiresAt);
    }

    private static List<String> scopesOf(JsonNode claim) {
        List<String> scopes = new ArrayList<>();
        if (claim == null) {
            return scopes;
        }
        if (claim.isArray()) {
            claim.forEach(s -> scopes.add(s.asText()));
        } else {
            for (String s : claim.asText().trim().split("\\s+")) {
                if (!s.isEmpty()) {
                    scopes.add(s);
                }
            }
        }
        return List.copyOf(scopes);
    }

    private byte[] hmac(String signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    private static byte[] sha(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
