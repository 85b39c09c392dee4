package io.keydeck.model;

/** Something a gateway driver can do; the UI disables what a driver lacks and says why. */
public enum Capability {
    LIST_KEYS, CREATE_KEY, REVOKE_KEY, RENAME_KEY, DISABLE_KEY, USAGE, AUTH_EVENTS, TOKEN_INFO
}
