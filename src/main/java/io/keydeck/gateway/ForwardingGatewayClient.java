package io.keydeck.gateway;

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
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * A client that hands every call to another one, so a wrapper that watches a few calls (the journal
 * of the key dialogs, a test that records secrets) overrides only those and cannot forget one —
 * including the defaults a driver may have replaced, such as its page size.
 */
public abstract class ForwardingGatewayClient implements GatewayClient {
    private final GatewayClient delegate;

    protected ForwardingGatewayClient(GatewayClient delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    protected final GatewayClient delegate() {
        return delegate;
    }

    @Override
    public GatewayDriver driver() {
        return delegate.driver();
    }

    @Override
    public Page<ApiKey> listKeys(String cursor, int limit, boolean includeRevoked) throws GatewayException {
        return delegate.listKeys(cursor, limit, includeRevoked);
    }

    @Override
    public List<ApiKey> listAllKeys(boolean includeRevoked, IntConsumer progress)
            throws GatewayException, InterruptedException {
        return delegate.listAllKeys(includeRevoked, progress);
    }

    @Override
    public List<ApiKey> listAllKeysByPage(boolean includeRevoked, Consumer<List<ApiKey>> eachPage)
            throws GatewayException, InterruptedException {
        return delegate.listAllKeysByPage(includeRevoked, eachPage);
    }

    @Override
    public long eachKeyPage(boolean includeRevoked, Consumer<List<ApiKey>> eachPage)
            throws GatewayException, InterruptedException {
        return delegate.eachKeyPage(includeRevoked, eachPage);
    }

    @Override
    public int listPageSize() {
        return delegate.listPageSize();
    }

    @Override
    public IssuedSecret createKey(NewKeyRequest request, String idempotencyKey) throws GatewayException {
        return delegate.createKey(request, idempotencyKey);
    }

    @Override
    public ApiKey updateKey(String keyId, KeyUpdate update) throws GatewayException {
        return delegate.updateKey(keyId, update);
    }

    @Override
    public RevokeResult revokeKey(String keyId) throws GatewayException {
        return delegate.revokeKey(keyId);
    }

    @Override
    public UsageSeries usage(UsageQuery query) throws GatewayException {
        return delegate.usage(query);
    }

    @Override
    public Page<AuthEvent> authEvents(AuthEventQuery query) throws GatewayException {
        return delegate.authEvents(query);
    }

    @Override
    public List<AuthEvent> listAuthEvents(AuthEventQuery query, int maxPages)
            throws GatewayException, InterruptedException {
        return delegate.listAuthEvents(query, maxPages);
    }

    @Override
    public GatewayLimits limits() {
        return delegate.limits();
    }

    @Override
    public TokenInfo tokenInfo() throws GatewayException {
        return delegate.tokenInfo();
    }

    @Override
    public Optional<RateLimitStatus> lastRateLimit() {
        return delegate.lastRateLimit();
    }

    @Override
    public void reportPartialAnswersTo(Consumer<PartialAnswer> listener) {
        delegate.reportPartialAnswersTo(listener);
    }

    @Override
    public Optional<String> lastRequestId() {
        return delegate.lastRequestId();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
