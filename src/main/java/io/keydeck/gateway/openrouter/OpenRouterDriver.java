package io.keydeck.gateway.openrouter;

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
 * OpenRouter's key-management API ({@code /api/v1/keys}), used with a Management API key: keys with
 * credit limits, addressed by their {@code hash}. Base URL: {@code https://openrouter.ai}.
 */
public final class OpenRouterDriver implements GatewayDriver {
    static final List<String> ATTRIBUTES = List.of("Credit limit", "Limit remaining", "Limit reset", "Usage total",
            "Usage today", "Usage this week", "Usage this month", "Workspace");

    private final HttpOptions options;

    /** The ServiceLoader entry point, with the default timeouts and retries. */
    public OpenRouterDriver() {
        this(HttpOptions.defaults());
    }

    public OpenRouterDriver(HttpOptions options) {
        this.options = options;
    }

    @Override
    public String id() {
        return "openrouter";
    }

    @Override
    public String displayName() {
        return "OpenRouter";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.LIST_KEYS, Capability.CREATE_KEY, Capability.REVOKE_KEY, Capability.RENAME_KEY,
                Capability.DISABLE_KEY, Capability.TOKEN_INFO, Capability.EDIT_LIMITS);
    }

    @Override
    public String unsupportedReason(Capability capability) {
        return switch (capability) {
            case USAGE -> "OpenRouter's key API has no usage time series, only running totals per key; "
                    + "they are shown as the Usage columns of the key list.";
            case AUTH_EVENTS -> "OpenRouter does not publish failed authentication attempts through its API.";
            case EDIT_SCOPES -> "OpenRouter keys have no scopes or model lists to change.";
            default -> GatewayDriver.super.unsupportedReason(capability);
        };
    }

    @Override
    public List<String> keyAttributeNames() {
        return ATTRIBUTES;
    }

    @Override
    public String secretEnvironmentVariable() {
        return "OPENROUTER_API_KEY";
    }

    @Override
    public OpenRouterClient connect(GatewayTarget target) throws GatewayException {
        return new OpenRouterClient(this, new GatewayHttp(target, AuthScheme.bearer(), options));
    }
}
