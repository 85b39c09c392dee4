package io.keydeck.gateway.compatible;

import com.fasterxml.jackson.databind.JsonNode;
import io.keydeck.gateway.AdminToken;
import io.keydeck.gateway.GatewayDriver;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.GatewayTarget;
import io.keydeck.gateway.http.GatewayHttp;
import io.keydeck.gateway.http.HttpGatewayClient;
import io.keydeck.gateway.http.GatewayResponse;
import io.keydeck.gateway.http.JsonFields;
import io.keydeck.model.ApiKey;
import io.keydeck.model.AuthEvent;
import io.keydeck.model.AuthEventQuery;
import io.keydeck.model.Capability;
import io.keydeck.model.IssuedSecret;
import io.keydeck.model.KeyEnvironment;
import io.keydeck.model.KeyUpdate;
import io.keydeck.model.NewKeyRequest;
import io.keydeck.model.Page;
import io.keydeck.model.RevokeResult;
import io.keydeck.model.TokenInfo;
import io.keydeck.model.UsageQuery;
import io.keydeck.model.UsageSeries;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies one key of an OpenAI-compatible router with {@code GET /v1/models}; the shared HTTP layer
 * reads its rate limit from {@code X-RateLimit-*} or OpenAI's {@code x-ratelimit-*-requests} headers.
 */
public final class CompatibleClient extends HttpGatewayClient {
    private final List<String> keyPrefixes;
    private final String modelsPath;
    private final AdminTokenHint hint;
    private final AdminToken token;

    CompatibleClient(GatewayDriver driver, GatewayTarget target, GatewayHttp http) {
        super(driver, http);
        String prefixes = target.options().getOrDefault("keyPrefix", "");
        this.keyPrefixes = Arrays.stream(prefixes.split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList();
        this.modelsPath = target.options().getOrDefault("modelsPath", "/v1/models");
        this.token = target.token();
        this.hint = AdminTokenHint.of(token);
    }


    /**
     * Sends the key to {@code GET /v1/models}; the subject is the key's hint and the scopes are the
     * models it may call. A key without the configured prefix is refused before anything is sent,
     * so a key meant for another gateway never leaves the machine.
     */
    @Override
    public TokenInfo tokenInfo() throws GatewayException {
        if (!keyPrefixes.isEmpty() && !AdminTokenHint.startsWithAny(token, keyPrefixes)) {
            throw new GatewayException(GatewayException.Kind.POLICY, 0, "unexpected_key_prefix",
                    "This connection expects keys starting with " + String.join(" or ", keyPrefixes)
                            + ", but the key starts differently; it was not sent.", null);
        }
        GatewayResponse<JsonNode> response = http.get(modelsPath, Map.of());
        JsonNode data = response.body().path("data");
        List<String> models = new ArrayList<>();
        for (JsonNode model : data) {
            Optional.ofNullable(JsonFields.text(model, "id")).ifPresent(models::add);
        }
        String environment = switch (KeyEnvironment.fromKeyPrefix(hint.prefix())) {
            case TEST -> " (test key)";
            case LIVE -> " (live key)";
            case NONE -> "";
        };
        return new TokenInfo("Key " + hint.display() + environment + " accepted; " + models.size()
                + " model" + (models.size() == 1 ? "" : "s") + " available", models, null);
    }


    @Override
    public Page<ApiKey> listKeys(String cursor, int limit, boolean includeRevoked) throws GatewayException {
        throw unsupported(Capability.LIST_KEYS);
    }

    @Override
    public IssuedSecret createKey(NewKeyRequest request, String idempotencyKey) throws GatewayException {
        throw unsupported(Capability.CREATE_KEY);
    }

    @Override
    public ApiKey updateKey(String keyId, KeyUpdate update) throws GatewayException {
        throw unsupported(update.name() != null ? Capability.RENAME_KEY : Capability.DISABLE_KEY);
    }

    @Override
    public RevokeResult revokeKey(String keyId) throws GatewayException {
        throw unsupported(Capability.REVOKE_KEY);
    }

    @Override
    public UsageSeries usage(UsageQuery query) throws GatewayException {
        throw unsupported(Capability.USAGE);
    }

    @Override
    public Page<AuthEvent> authEvents(AuthEventQuery query) throws GatewayException {
        throw unsupported(Capability.AUTH_EVENTS);
    }

    private GatewayException unsupported(Capability capability) {
        return GatewayException.unsupported(driver.unsupportedReason(capability));
    }

}
