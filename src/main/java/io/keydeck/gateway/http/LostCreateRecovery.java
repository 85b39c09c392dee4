package io.keydeck.gateway.http;

import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.GatewayException.Kind;
import io.keydeck.model.ApiKey;
import io.keydeck.model.IssuedSecret;
import io.keydeck.model.NewKeyRequest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;

/**
 * A create whose answer was lost or garbled is resolved, not abandoned. The transport already
 * replayed it with the same {@code Idempotency-Key} (a gateway that honours it answers with the key
 * and no second secret); if the outcome is still unknown, this lists the keys and looks for one with
 * the requested name created since the attempt began (a key
 * without a creation time is never taken for it: it could be an older one of the same name). Either way the caller learns which key exists
 * and that its secret is gone, so it can be revoked. No JavaFX: the CLI and the window both call it.
 */
public final class LostCreateRecovery {
    /** How far a gateway's clock may lag ours when matching the creation time. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Set<String> NOT_SENT = Set.of("connection_failed", "connect_timeout", "insecure_url",
            "insecure_redirect", "tls_failed");

    /** The gateway created a key but its secret never reached KeyDeck. */
    public static final class SecretLostException extends GatewayException {
        private final transient ApiKey key;

        SecretLostException(ApiKey key, GatewayException cause) {
            super(Kind.PROTOCOL, cause.httpStatus(), "secret_lost", "The gateway created key \"" + key.name() + "\" ("
                    + key.hint() + ", id " + key.id() + ") but its secret was lost in transit — revoke it.",
                    cause.requestId(), cause);
            this.key = key;
        }

        /** The key that exists on the gateway without a usable secret. */
        public ApiKey key() {
            return key;
        }
    }

    private LostCreateRecovery() {
    }

    /**
     * Creates the key; when the answer was lost, finds out what happened. Throws
     * {@link SecretLostException} naming the key when it exists, the original failure when no such key
     * appeared, or the failure with a note to check the key list when the lookup itself failed.
     */
    public static IssuedSecret create(GatewayClient client, NewKeyRequest request, String idempotencyKey, Clock clock)
            throws GatewayException {
        return create(client, request, idempotencyKey, clock, Set.of());
    }

    /**
     * As {@link #create(GatewayClient, NewKeyRequest, String, Clock)}; keys in {@code existing} (ids
     * known before the create, such as the key a rotation replaces under the same name) are never
     * taken for the new one.
     */
    public static IssuedSecret create(GatewayClient client, NewKeyRequest request, String idempotencyKey, Clock clock,
                                      Set<String> existing) throws GatewayException {
        Instant started = clock.instant();
        try {
            return client.createKey(request, idempotencyKey);
        } catch (SecretAlreadyShownException e) {
            throw new SecretLostException(e.key(), e);
        } catch (GatewayException e) {
            if (!mayHaveCommitted(e)) {
                throw e;
            }
            Optional<ApiKey> found;
            try {
                found = find(client, request.name(), started, existing);
            } catch (GatewayException | InterruptedException lookup) {
                if (lookup instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                throw new GatewayException(e.kind(), e.httpStatus(), e.code(), e.getMessage() + " The key may have"
                        + " been created: KeyDeck could not check (" + lookup.getMessage() + "). Look for \""
                        + request.name() + "\" in the key list and revoke it if it is there.", e.requestId(), e);
            }
            if (found.isPresent()) {
                throw new SecretLostException(found.get(), e);
            }
            // looked for and not there: the create did not happen, and the gateway's own answer says why
            throw e;
        }
    }

    /** A failure after the request may have reached the gateway: dropped, timed out, or answered unreadably. */
    static boolean mayHaveCommitted(GatewayException e) {
        if (e.code() != null && NOT_SENT.contains(e.code())) {
            return false;
        }
        return e.kind() == Kind.NETWORK || e.kind() == Kind.SERVER
                || e.kind() == Kind.PROTOCOL && e.httpStatus() >= 200 && e.httpStatus() < 300
                || e.kind() == Kind.PROTOCOL && e.httpStatus() == 0;
    }

    private static Optional<ApiKey> find(GatewayClient client, String name, Instant started, Set<String> existing)
            throws GatewayException, InterruptedException {
        Instant since = started.minus(CLOCK_SKEW);
        return client.listAllKeys(false, n -> { }).stream()
                .filter(k -> k.name().equals(name) && !k.revoked() && !existing.contains(k.id()))
                .filter(k -> k.createdAt() != null && !k.createdAt().isBefore(since))
                .max(Comparator.comparing(ApiKey::createdAt));
    }
}
