package io.keydeck.review;

import java.util.Locale;

/** What a user does to resolve a finding; the Review view shows it as a button on the finding's row. */
public enum FixAction {
    /** Revoke the key (it is unused, stale, expired or does not belong in this gateway). */
    REVOKE,
    /** Issue a replacement and retire this key (old, expiring, or too broad). */
    ROTATE,
    /** Give the key an expiry date. */
    SET_EXPIRY,
    /** Set a spend limit on the key, or raise the one it is about to reach. */
    SET_LIMIT,
    /** The key is already revoked; find who still sends it (auth log, client IP). */
    INVESTIGATE;

    /** "revoke", "rotate", "set-expiry", "investigate": the spelling used in reports. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
