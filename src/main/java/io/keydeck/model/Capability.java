package io.keydeck.model;

/**
 * Something a gateway driver can do; the UI disables what a driver lacks and says why.
 * {@link #EDIT_LIMITS}: set a key's spend limit (and rate limits where the gateway has them);
 * {@link #EDIT_SCOPES}: change a key's scopes or allowed models after it was created.
 */
public enum Capability {
    LIST_KEYS, CREATE_KEY, REVOKE_KEY, RENAME_KEY, DISABLE_KEY, USAGE, AUTH_EVENTS, TOKEN_INFO, EDIT_LIMITS, EDIT_SCOPES
}
