package io.keydeck.vault;

/**
 * A token vault could not do what was asked. The message is a sentence for the user; it names the
 * connection at most and never contains a token.
 */
public class VaultException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public VaultException(String message) {
        super(message);
    }
}
