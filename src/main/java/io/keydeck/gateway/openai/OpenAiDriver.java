package io.keydeck.gateway.openai;

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
 * OpenAI's Admin API ({@code /v1/organization/…}) with an Admin key: the organization's admin keys
 * and every project's API keys with their owner, project and cost (the costs report grouped by key), completions
 * usage per key, and key events from the audit log.
 * Base URL {@code https://api.openai.com}.
 */
public final class OpenAiDriver implements GatewayDriver {
    private final HttpOptions options;
    private final Clock clock;

    public OpenAiDriver() {
        this(HttpOptions.defaults());
    }

    public OpenAiDriver(HttpOptions options) {
        this(options, Clock.systemUTC());
    }

    /** {@code clock} turns a requested expiry into OpenAI's {@code expires_in_seconds}. */
    public OpenAiDriver(HttpOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
    }

    @Override
    public String id() {
        return "openai";
    }

    @Override
    public String displayName() {
        return "OpenAI";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.LIST_KEYS, Capability.CREATE_KEY, Capability.REVOKE_KEY, Capability.USAGE,
                Capability.AUTH_EVENTS, Capability.TOKEN_INFO);
    }

    @Override
    public String unsupportedReason(Capability capability) {
        return switch (capability) {
            case RENAME_KEY -> "OpenAI's Admin API cannot rename keys; rename them in the OpenAI dashboard.";
            case DISABLE_KEY -> "OpenAI keys cannot be disabled, only deleted; delete the key instead.";
            case EDIT_LIMITS -> "OpenAI sets budgets and rate limits per project, not per key; set them in the "
                    + "project's limits in the OpenAI dashboard.";
            case EDIT_SCOPES -> "OpenAI's Admin API cannot change a key's permissions; change them in the OpenAI dashboard.";
            default -> GatewayDriver.super.unsupportedReason(capability);
        };
    }

    /** Why "New key" makes an Admin key: the API cannot create project keys. */
    public static final String CREATE_NOTE = "OpenAI's Admin API creates only organization Admin keys; project API "
            + "keys cannot be created through the API — create them in the OpenAI dashboard.";

    @Override
    public List<String> keyAttributeNames() {
        return List.of("Kind");
    }

    @Override
    public String secretEnvironmentVariable() {
        return "OPENAI_API_KEY";
    }

    @Override
    public OpenAiClient connect(GatewayTarget target) throws GatewayException {
        return new OpenAiClient(this, new GatewayHttp(target, AuthScheme.bearer(), options), clock);
    }
}
