package io.keydeck.model;

/** What a user can do with a key right now; derived from its flags and expiry, never sent by a gateway as-is. */
public enum KeyStatus {
    ACTIVE, DISABLED, EXPIRED, REVOKED
}
