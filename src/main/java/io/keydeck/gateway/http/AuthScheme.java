package io.keydeck.gateway.http;

import io.keydeck.gateway.AdminToken;

import java.util.Arrays;
import java.util.Objects;

/**
 * How a gateway wants the admin token presented: {@code Authorization: Bearer …} for most,
 * {@code x-api-key: …} for Anthropic. The transport attaches it only to the gateway's own origin.
 */
public record AuthScheme(String headerName, String valuePrefix) {
    public AuthScheme {
        Objects.requireNonNull(headerName, "headerName");
        valuePrefix = valuePrefix == null ? "" : valuePrefix;
    }

    public static AuthScheme bearer() {
        return new AuthScheme("Authorization", "Bearer ");
    }

    /** The token as the whole value of {@code headerName}, e.g. {@code x-api-key}. */
    public static AuthScheme header(String headerName) {
        return new AuthScheme(headerName, "");
    }

    /** The header value; a String only because {@code HttpRequest} needs one. Never log it. */
    String headerValue(AdminToken token) {
        char[] chars = token.chars();
        try {
            return valuePrefix + new String(chars);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }
}
