package io.keydeck.gateway.litellm;

import io.keydeck.gateway.GatewayDriver;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.GatewayTarget;
import io.keydeck.gateway.http.AuthScheme;
import io.keydeck.gateway.http.GatewayHttp;
import io.keydeck.gateway.http.HttpOptions;
import io.keydeck.model.Capability;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A self-hosted LiteLLM proxy's virtual keys ({@code /key/…}) with its master key or an admin key:
 * budgets, rate limits and allowed models are shown as key attributes, usage comes from spend logs.
 */
public final class LiteLlmDriver implements GatewayDriver {
    static final List<String> ATTRIBUTES = List.of("Spend", "Max budget", "Budget period", "RPM limit", "TPM limit",
            "Models", "Team", "User");

    private final HttpOptions options;
    private final Clock clock;

    public LiteLlmDriver() {
        this(HttpOptions.defaults(), Clock.systemUTC());
    }

    /** {@code clock} turns a requested expiry into LiteLLM's {@code duration}. */
    public LiteLlmDriver(HttpOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
    }

    @Override
    public String id() {
        return "litellm";
    }

    @Override
    public String displayName() {
        return "LiteLLM proxy";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.LIST_KEYS, Capability.CREATE_KEY, Capability.REVOKE_KEY, Capability.RENAME_KEY,
                Capability.DISABLE_KEY, Capability.USAGE, Capability.TOKEN_INFO, Capability.EDIT_LIMITS,
                Capability.EDIT_SCOPES);
    }

    @Override
    public String unsupportedReason(Capability capability) {
        if (capability == Capability.AUTH_EVENTS) {
            return "The LiteLLM proxy does not expose failed authentication attempts through its API; "
                    + "see the proxy's own logs.";
        }
        return GatewayDriver.super.unsupportedReason(capability);
    }

    @Override
    public List<String> keyAttributeNames() {
        return ATTRIBUTES;
    }

    @Override
    public String secretEnvironmentVariable() {
        return "LITELLM_API_KEY";
    }

    @Override
    public LiteLlmClient connect(GatewayTarget target) throws GatewayException {
        return new LiteLlmClient(this, new GatewayHttp(target, AuthScheme.bearer(), options), clock);
    }
}
