package io.keydeck.gateway.compatible;

import io.keydeck.gateway.GatewayDriver;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.GatewayTarget;
import io.keydeck.gateway.http.AuthScheme;
import io.keydeck.gateway.http.GatewayHttp;
import io.keydeck.gateway.http.HttpOptions;
import io.keydeck.model.Capability;

import java.util.EnumSet;
import java.util.Set;

/**
 * Any OpenAI-compatible router whose keys ({@code sk-…}, {@code tr_live_…}/{@code tr_test_…}) are managed
 * only in its own dashboard: KeyDeck can verify a key and show its rate limit, nothing more.
 * Options: {@code keyPrefix} (comma-separated, e.g. {@code tr_live_,tr_test_}) and {@code modelsPath}
 * (default {@code /v1/models}).
 */
public final class CompatibleDriver implements GatewayDriver {
    private final HttpOptions options;

    public CompatibleDriver() {
        this(HttpOptions.defaults());
    }

    public CompatibleDriver(HttpOptions options) {
        this.options = options;
    }

    @Override
    public String id() {
        return "openai-compatible";
    }

    @Override
    public String displayName() {
        return "OpenAI-compatible router";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.TOKEN_INFO);
    }

    @Override
    public String unsupportedReason(Capability capability) {
        return switch (capability) {
            case LIST_KEYS -> "This router has no key-management API, so KeyDeck cannot list its keys; "
                    + "see them in the router's dashboard.";
            case CREATE_KEY -> "This router's keys can only be created in its dashboard.";
            case REVOKE_KEY -> "This router's keys can only be revoked in its dashboard.";
            case RENAME_KEY, DISABLE_KEY, EDIT_LIMITS, EDIT_SCOPES -> "This router's keys can only be changed in its dashboard.";
            case USAGE -> "This router publishes no per-key usage through its API.";
            case AUTH_EVENTS -> "This router publishes no authentication log through its API.";
            case TOKEN_INFO -> "";
        };
    }

    @Override
    public String secretEnvironmentVariable() {
        return "OPENAI_API_KEY";
    }

    @Override
    public CompatibleClient connect(GatewayTarget target) throws GatewayException {
        return new CompatibleClient(this, target, new GatewayHttp(target, AuthScheme.bearer(), options));
    }
}
