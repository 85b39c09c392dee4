package io.keydeck.ui.keys;

import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayDriver;
import io.keydeck.gateway.GatewayException;
import io.keydeck.model.ApiKey;
import io.keydeck.model.AuthEvent;
import io.keydeck.model.AuthEventQuery;
import io.keydeck.model.IssuedSecret;
import io.keydeck.model.KeyUpdate;
import io.keydeck.model.NewKeyRequest;
import io.keydeck.model.Page;
import io.keydeck.model.RateLimitStatus;
import io.keydeck.model.RevokeResult;
import io.keydeck.model.TokenInfo;
import io.keydeck.model.UsageQuery;
import io.keydeck.model.UsageSeries;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** The real driver's client, remembering the secrets it handed out so a test can check they were wiped. */
final class RecordingGatewayClient implements GatewayClient {
    private final GatewayClient real;
    private final List<IssuedSecret> issued = new CopyOnWriteArrayList<>();

    RecordingGatewayClient(GatewayClient real) {
        this.real = real;
    }

    List<IssuedSecret> issued() {
        return List.copyOf(issued);
    }

    @Override
    public GatewayDriver driver() {
        return real.driver();
    }

    @Override
    public Page<ApiKey> listKeys(String cursor, int limit, boolean includeRevoked) throws GatewayException {
        return real.listKeys(cursor, limit, includeRevoked);
    }

    @Override
    public IssuedSecret createKey(NewKeyRequest request, String idempotencyKey) throws GatewayException {
        IssuedSecret secret = real.createKey(request, idempotencyKey);
        issued.add(secret);
        return secret;
    }

    @Override
    public ApiKey updateKey(String keyId, KeyUpdate update) throws GatewayException {
        return real.updateKey(keyId, update);
    }

    @Override
    public RevokeResult revokeKey(String keyId) throws GatewayException {
        return real.revokeKey(keyId);
    }

    @Override
    public UsageSeries usage(UsageQuery query) throws GatewayException {
        return real.usage(query);
    }

    @Override
    public Page<AuthEvent> authEvents(AuthEventQuery query) throws GatewayException {
        return real.authEvents(query);
    }

    @Override
    public TokenInfo tokenInfo() throws GatewayException {
        return real.tokenInfo();
    }

    @Override
    public Optional<RateLimitStatus> lastRateLimit() {
        return real.lastRateLimit();
    }

    @Override
    public void close() {
        real.close();
    }
}
