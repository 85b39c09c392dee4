package io.keydeck.gateway.multiroute;

import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayDriver;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.GatewayTarget;
import io.keydeck.gateway.http.AuthScheme;
import io.keydeck.gateway.http.GatewayHttp;
import io.keydeck.gateway.http.HttpOptions;
import io.keydeck.model.Capability;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * MultiRoute and everything that speaks its key-management API, including KeyDeck's own sandbox:
 * the one driver that can do every {@link Capability}.
 */
public final class MultiRouteDriver implements GatewayDriver {
    private static final List<String> SCOPES = List.of("inference", "chat:write", "embeddings:write", "models:read",
            "usage:read", "keys:read", "keys:manage", "audit:read", "config:read", "config:write");

    private final HttpOptions options;

    /** The ServiceLoader entry point, with the default timeouts and retries. */
    public MultiRouteDriver() {
        this(HttpOptions.defaults());
    }

    public MultiRouteDriver(HttpOptions options) {
        this.options = options;
    }

    @Override
    public String id() {
        return "multiroute";
    }

    @Override
    public String displayName() {
        return "MultiRoute";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
    }

    @Override
    public List<String> knownScopes() {
        return SCOPES;
    }

    @Override
    public String secretEnvironmentVariable() {
        return "MULTIROUTE_API_KEY";
    }

    @Override
    public GatewayClient connect(GatewayTarget target) throws GatewayException {
        return new MultiRouteClient(this, new GatewayHttp(target, AuthScheme.bearer(), options));
    }
}
