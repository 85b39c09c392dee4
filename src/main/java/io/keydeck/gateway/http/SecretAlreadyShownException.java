package io.keydeck.gateway.http;

import io.keydeck.gateway.GatewayException;
import io.keydeck.model.ApiKey;

/**
 * A create was answered with an existing key but no secret: the same {@code Idempotency-Key} was
 * used before, so the key exists and its secret was shown once already. Carries the key so the UI
 * can point at it instead of creating another.
 */
public final class SecretAlreadyShownException extends GatewayException {
    private final transient ApiKey key;

    public SecretAlreadyShownException(ApiKey key, int httpStatus, String requestId) {
        super(Kind.PROTOCOL, httpStatus, "secret_already_shown", "The key \"" + key.name() + "\" (" + key.hint()
                + ") was already created by this request, and the gateway shows a secret only once. "
                + "If the secret was lost, revoke this key and create a new one.", requestId);
        this.key = key;
    }

    public ApiKey key() {
        return key;
    }
}
