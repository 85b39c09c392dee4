package io.keydeck.vault;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Keychain failures reach the user as what they mean and what to do, never as a library's internals. */
class KeychainTroubleTest {
    @Test
    void aLockedKeyringIsCalledLockedAndSaysHowToUnlock() {
        String text = KeychainTrouble.explain("read the token of this connection",
                new RuntimeException(new NullPointerException("Cannot read field \"a\" because \"response\" is null")));
        assertThat(text).contains("keyring is locked").contains("Unlock it").contains("--token-env")
                .doesNotContain("Cannot read field");
    }

    @Test
    void noSecretServiceSaysToStartOne() {
        String text = KeychainTrouble.explain("read the token", new IllegalStateException(
                "org.freedesktop.DBus.Error.ServiceUnknown: The name org.freedesktop.secrets was not provided"));
        assertThat(text).contains("No Secret Service answers").contains("gnome-keyring-daemon");
    }

    @Test
    void aRefusedWriteSaysNothingWasSaved() {
        String text = KeychainTrouble.explain("store the token of this connection", new RuntimeException("denied"));
        assertThat(text).contains("refused to store the token").contains("nothing was saved");
    }

    @Test
    void onlyTheBackendsNoEntryAnswersMeanNoToken() {
        assertThat(KeychainTrouble.isNoEntry(new Exception("No stored credentials match KeyDeck account: x"))).isTrue();
        assertThat(KeychainTrouble.isNoEntry(new Exception("Cannot read field \"a\" because \"response\" is null")))
                .isFalse();
    }
}
