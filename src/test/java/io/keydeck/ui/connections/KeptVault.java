package io.keydeck.ui.connections;

import io.keydeck.vault.SessionVault;
import io.keydeck.vault.TokenVault;

import java.util.Optional;

/** Stands in for the OS keychain in UI tests: keeps tokens across an app restart within one test. */
class KeptVault implements TokenVault {
    private final SessionVault tokens = new SessionVault();

    @Override
    public void store(String connectionId, char[] token) {
        tokens.store(connectionId, token);
    }

    @Override
    public Optional<char[]> read(String connectionId) {
        return tokens.read(connectionId);
    }

    @Override
    public void delete(String connectionId) {
        tokens.delete(connectionId);
    }

    @Override
    public boolean remembersAcrossRestarts() {
        return true;
    }

    @Override
    public String description() {
        return "the test keychain";
    }

    /** A keychain outlives the app; only the test's end wipes it. */
    @Override
    public void close() {
    }

    void wipe() {
        tokens.close();
    }
}
