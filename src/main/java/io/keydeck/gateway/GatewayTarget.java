package io.keydeck.gateway;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * Where a driver should connect and with which admin token, and the bounds every call keeps.
 *
 * @param options driver-specific settings (e.g. a key prefix for generic routers); never secrets
 * @param limits  deadline and size bounds; by default {@link GatewayLimits#forOptions} of {@code options}
 * @param waits   told of every wait the transport takes before a retry
 */
public record GatewayTarget(URI baseUrl, AdminToken token, Map<String, String> options, GatewayLimits limits,
                            WaitListener waits) {
    public GatewayTarget {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(token, "token");
        options = options == null ? Map.of() : Map.copyOf(options);
        limits = limits == null ? GatewayLimits.forOptions(options) : limits;
        waits = waits == null ? WaitListener.NONE : waits;
    }

    public GatewayTarget(URI baseUrl, AdminToken token, Map<String, String> options) {
        this(baseUrl, token, options, null, null);
    }

    public GatewayTarget(URI baseUrl, AdminToken token) {
        this(baseUrl, token, Map.of());
    }

    public GatewayTarget withLimits(GatewayLimits newLimits) {
        return new GatewayTarget(baseUrl, token, options, newLimits, waits);
    }

    public GatewayTarget withWaits(WaitListener listener) {
        return new GatewayTarget(baseUrl, token, options, limits, listener);
    }
}
