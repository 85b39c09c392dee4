package io.keydeck.vault;

/**
 * No OS keychain answered when KeyDeck asked; the message says why in words a user can act on
 * (e.g. "there is no D-Bus session bus"). Leads to the session-only fallback, never to a file.
 */
public class KeychainUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    public KeychainUnavailableException(String reason) {
        super(reason);
    }
}
