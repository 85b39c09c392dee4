package io.keydeck.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keydeck.model.TokenInfo;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * What an admin token says about itself, read without verifying it: a JWT's subject, scopes and
 * expiry, so KeyDeck can warn "this token expires in 3 days" or "lacks keys:manage" before a call
 * fails. Opaque tokens say nothing. The token text never appears in a result or an exception.
 *
 * @param kind     JWT, OPAQUE (no readable claims) or MALFORMED (looks like a JWT but is broken)
 * @param scopesKnown true when the token lists its scopes, so {@link #lacks(String)} can answer
 * @param problem  for MALFORMED, a sentence saying what is wrong
 */
public record AdminTokenClaims(Kind kind, Optional<String> subject, List<String> scopes, boolean scopesKnown,
                               Optional<Instant> expiresAt, Optional<String> problem) {

    /** How much a token reveals about itself. */
    public enum Kind { JWT, OPAQUE, MALFORMED }

    private static final ObjectMapper JSON = new ObjectMapper();

    public AdminTokenClaims {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    /** Reads {@code token}; never throws for bad input, and does not keep or wipe the array. */
    public static AdminTokenClaims inspect(char[] token) {
        if (token == null) {
            return malformed("No token was given.");
        }
        String text = new String(token).trim();
        if (text.isEmpty()) {
            return malformed("The token is empty.");
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 3 || readSegment(parts[0]).filter(JsonNode::isObject).isEmpty()) {
            return opaque();
        }
        Optional<JsonNode> payload = readSegment(parts[1]).filter(JsonNode::isObject);
        if (payload.isEmpty()) {
            return malformed("The token looks like a JWT, but its payload is not base64url-encoded JSON.");
        }
        return fromClaims(payload.get());
    }

    private static AdminTokenClaims fromClaims(JsonNode claims) {
        JsonNode exp = claims.path("exp");
        Optional<Instant> expiresAt = Optional.empty();
        if (!exp.isMissingNode() && !exp.isNull()) {
            if (!exp.isNumber()) {
                return malformed("The token's \"exp\" claim is not a number of seconds.");
            }
            expiresAt = Optional.of(Instant.ofEpochMilli(Math.round(exp.asDouble() * 1000)));
        }
        JsonNode sub = claims.path("sub");
        Optional<String> subject = sub.isTextual() ? Optional.of(sub.asText()) : Optional.empty();
        JsonNode scopeClaim = firstPresent(claims, "scope", "scopes", "scp");
        List<String> scopes = new ArrayList<>();
        if (scopeClaim.isTextual()) {
            for (String scope : scopeClaim.asText().trim().split("\\s+")) {
                if (!scope.isEmpty()) {
                    scopes.add(scope);
                }
            }
        } else if (scopeClaim.isArray()) {
            scopeClaim.forEach(s -> {
                if (s.isTextual()) {
                    scopes.add(s.asText());
                }
            });
        }
        boolean scopesKnown = scopeClaim.isTextual() || scopeClaim.isArray();
        return new AdminTokenClaims(Kind.JWT, subject, scopes, scopesKnown, expiresAt, Optional.empty());
    }

    private static JsonNode firstPresent(JsonNode claims, String... names) {
        for (String name : names) {
            JsonNode node = claims.path(name);
            if (!node.isMissingNode() && !node.isNull()) {
                return node;
            }
        }
        return claims.path(names[0]);
    }

    private static Optional<JsonNode> readSegment(String segment) {
        try {
            byte[] json = Base64.getUrlDecoder().decode(segment.replace("=", ""));
            return Optional.ofNullable(JSON.readTree(new String(json, StandardCharsets.UTF_8)));
        } catch (Exception e) {
            // Deliberately dropped: decoder and parser messages can quote the token's text.
            return Optional.empty();
        }
    }

    private static AdminTokenClaims opaque() {
        return new AdminTokenClaims(Kind.OPAQUE, Optional.empty(), List.of(), false, Optional.empty(), Optional.empty());
    }

    private static AdminTokenClaims malformed(String problem) {
        return new AdminTokenClaims(Kind.MALFORMED, Optional.empty(), List.of(), false, Optional.empty(), Optional.of(problem));
    }

    /** True when the token states an expiry that is not after {@code now}. */
    public boolean isExpired(Instant now) {
        return expiresAt.map(exp -> !exp.isAfter(now)).orElse(false);
    }

    /** True when the token is still valid at {@code now} but expires within {@code window}. */
    public boolean expiresWithin(Duration window, Instant now) {
        return !isExpired(now) && expiresAt.map(exp -> !exp.isAfter(now.plus(window))).orElse(false);
    }

    /** True only when the token lists its scopes and {@code scope} is not among them. */
    public boolean lacks(String scope) {
        return scopesKnown && !scopes.contains(scope);
    }

    /** The claims as the model's {@link TokenInfo}, for JWTs; empty for opaque or broken tokens. */
    public Optional<TokenInfo> toTokenInfo() {
        return kind == Kind.JWT ? Optional.of(new TokenInfo(subject.orElse(null), scopes, expiresAt.orElse(null)))
                : Optional.empty();
    }
}
