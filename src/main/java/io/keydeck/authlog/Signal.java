package io.keydeck.authlog;

import java.time.Instant;

/**
 * Something in the auth log worth a human's look, with what makes it so. The UI words the reason
 * from {@code kind} and the numbers, so it reads the same in every language.
 *
 * @param keyId    the key involved when it is known (to open it in the Keys view and revoke it), else null
 * @param keyHint  {@code prefix…last4} of the key involved, or empty
 * @param clientIp the IP involved, or null
 * @param count    how many events the signal is made of
 * @param distinct for {@link Kind#KEY_FROM_MANY_IPS} the number of different IPs, otherwise 0
 */
public record Signal(Kind kind, String keyId, String keyHint, String clientIp, int count, int distinct,
                     Instant firstAt, Instant lastAt) {

    /** The patterns {@link SignalDetector} looks for, most urgent first. */
    public enum Kind {
        /** A revoked key is still being tried: something still holds it. */
        REVOKED_KEY_USED,
        /** An expired key is still being tried: a client was not rotated. */
        EXPIRED_KEY_USED,
        /** One key from many IPs: it may have leaked. */
        KEY_FROM_MANY_IPS,
        /** Many invalid keys from one IP in a short time: someone is guessing. */
        INVALID_KEY_BURST
    }
}
