package io.keydeck.gateway.http;

import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayDriver;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.GatewayLimits;
import io.keydeck.gateway.PartialAnswer;
import io.keydeck.model.Capability;
import io.keydeck.model.KeyUpdate;
import io.keydeck.model.RateLimitStatus;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * What every driver's client over {@link GatewayHttp} shares — its driver, the transport, the
 * rate-limit headroom of the latest answer, and wiping the token on close — so a driver writes only paths
 * and JSON mapping.
 */
public abstract class HttpGatewayClient implements GatewayClient {
    protected final GatewayDriver driver;
    protected final GatewayHttp http;
    private volatile Consumer<PartialAnswer> partialAnswers = answer -> { };

    protected HttpGatewayClient(GatewayDriver driver, GatewayHttp http) {
        this.driver = driver;
        this.http = http;
    }

    @Override
    public final GatewayDriver driver() {
        return driver;
    }

    @Override
    public GatewayLimits limits() {
        return http.limits();
    }

    @Override
    public Optional<RateLimitStatus> lastRateLimit() {
        return http.lastRateLimit();
    }

    @Override
    public void reportPartialAnswersTo(Consumer<PartialAnswer> listener) {
        partialAnswers = listener == null ? answer -> { } : listener;
    }

    /** Tells the listener (if any) that a part of the latest answer is missing, or complete again. */
    protected void partialAnswer(PartialAnswer answer) {
        partialAnswers.accept(answer);
    }

    @Override
    public Optional<String> lastRequestId() {
        return http.lastRequestId();
    }

    /**
     * Refuses, before anything is sent, an update that changes limits or scopes when this driver cannot
     * ({@link Capability#EDIT_LIMITS}, {@link Capability#EDIT_SCOPES}), so no part of it half-happens.
     */
    protected void refuseWhatTheDriverCannotEdit(KeyUpdate update) throws GatewayException {
        for (Capability needed : new Capability[] {update.changesLimits() ? Capability.EDIT_LIMITS : null,
            update.changesScopes() ? Capability.EDIT_SCOPES : null}) {
            if (needed != null && !driver.capabilities().contains(needed)) {
                throw GatewayException.unsupported(driver.unsupportedReason(needed));
            }
        }
    }

    /** Wipes the client's copy of the admin token and ends its HTTP clients' threads. */
    @Override
    public void close() {
        http.close();
    }
}
