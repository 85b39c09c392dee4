package io.keydeck.model;

import java.time.Instant;

/**
 * One failed authentication or authorization at a gateway (a 401 or 403), kept so security staff
 * can see who knocks with which key. The key is known only by its hint, never its secret.
 *
 * @param keyId the key's id when the gateway could match the hint to a key, else null
 */
public record AuthEvent(
        String id,
        Instant occurredAt,
        int status,
        String type,
        String code,
        String message,
        String requestId,
        String keyPrefix,
        String keyLastFour,
        String keyId,
        String clientIp,
        String userAgent,
        String method,
        String path) {

    /** {@code prefix…last4}, or empty when the request carried no key. */
    public String keyHint() {
        if ((keyPrefix == null || keyPrefix.isEmpty()) && (keyLastFour == null || keyLastFour.isEmpty())) {
            return "";
        }
        return (keyPrefix == null ? "" : keyPrefix) + "…" + (keyLastFour == null ? "" : keyLastFour);
    }
}
