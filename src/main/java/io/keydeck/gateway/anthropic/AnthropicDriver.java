package io.keydeck.gateway.anthropic;

import io.keydeck.gateway.GatewayDriver;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.GatewayTarget;
import io.keydeck.gateway.http.AuthScheme;
import io.keydeck.gateway.http.GatewayHttp;
import io.keydeck.gateway.http.HttpOptions;
import io.keydeck.model.Capability;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Anthropic's Admin API ({@code /v1/organizations/…}) with an Admin key ({@code sk-ant-admin01-…}):
 * list, rename, deactivate and archive keys with their owner and workspace, and read token usage per key. Spend
 * stays unknown: the usage report counts tokens, not money. Base URL {@code https://api.anthropic.com}.
 */
public final class AnthropicDriver implements GatewayDriver {
    static final String API_VERSION = "2023-06-01";

    private final HttpOptions options;

    public AnthropicDriver() {
        this(HttpOptions.defaults());
    }

    public AnthropicDriver(HttpOptions options) {
        this.options = options;
    }

    @Override
    public String id() {
        return "anthropic";
    }

    @Override
    public String displayName() {
        return "Anthropic";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.LIST_KEYS, Capability.REVOKE_KEY, Capability.RENAME_KEY, Capability.DISABLE_KEY,
                Capability.USAGE, Capability.TOKEN_INFO);
    }

    @Override
    public String unsupportedReason(Capability capability) {
        return switch (capability) {
            case CREATE_KEY -> "Anthropic's Admin API cannot create keys; create them in the Anthropic Console.";
            case AUTH_EVENTS -> "Anthropic's Admin API does not report failed authentication attempts.";
            case EDIT_LIMITS -> "Anthropic sets spend and rate limits per workspace, not per key; set them in the "
                    + "Anthropic Console.";
            case EDIT_SCOPES -> "Anthropic keys have no scopes to change.";
            default -> GatewayDriver.super.unsupportedReason(capability);
        };
    }

    @Override
    public List<String> keyAttributeNames() {
        return List.of("Status");
    }

    @Override
    public String secretEnvironmentVariable() {
        return "ANTHROPIC_API_KEY";
    }

    /** Sends the token as {@code x-api-key} (never Bearer) with the {@code anthropic-version} header. */
    @Override
    public AnthropicClient connect(GatewayTarget target) throws GatewayException {
        HttpOptions withVersion = options.withFixedHeaders(Map.of("anthropic-version", API_VERSION));
        return new AnthropicClient(this, new GatewayHttp(target, AuthScheme.header("x-api-key"), withVersion));
    }
}
