package io.keydeck.gateway;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * Where a driver should connect and with which admin token.
 *
 * @param options driver-specific settings (e.g. a key prefix for generic routers); never secrets
 */
public record GatewayTarget(URI baseUrl, AdminToken token, Map<String, String> options) {
    public GatewayTarget {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(token, "token");
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    public GatewayTarget(URI baseUrl, AdminToken token) {
        this(baseUrl, token, Map.of());
    }
}
