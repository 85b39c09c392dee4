package io.keydeck.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SessionVaultTest {
    private final SessionVault vault = new SessionVault();

    @Test
    void readsBackWhatWasStoredPerConnection() {
        vault.store("conn-a", "token-a".toCharArray());
        vault.store("conn-b", "token-b".toCharArray());

        assertThat(vault.read("conn-a")).hasValueSatisfying(t -> assertThat(t).containsExactly("token-a".toCharArray()));
        assertThat(vault.read("conn-b")).hasValueSatisfying(t -> assertThat(t).containsExactly("token-b".toCharArray()));
        assertThat(vault.read("conn-c")).isEmpty();
    }

    @Test
    void keepsItsOwnCopySoCallersMayWipeTheirs() {
        char[] typed = "secret-token".toCharArray();
        vault.store("conn", typed);
        Arrays.fill(typed, '\0');

        char[] first = vault.read("conn").orElseThrow();
        Arrays.fill(first, '\0');

        assertThat(vault.read("conn")).hasValueSatisfying(t -> assertThat(new String(t)).isEqualTo("secret-token"));
    }

    @Test
    void storingAgainReplacesAndDeleteForgets() {
        vault.store("conn", "old".toCharArray());
        vault.store("conn", "new".toCharArray());
        assertThat(vault.read("conn")).hasValueSatisfying(t -> assertThat(new String(t)).isEqualTo("new"));

        vault.delete("conn");
        vault.delete("conn");
        assertThat(vault.read("conn")).isEmpty();
    }

    @Test
    void saysItForgetsTokensAtExit() {
        vault.store("conn", "t".toCharArray());
        assertThat(vault.remembersAcrossRestarts()).isFalse();
        assertThat(vault.description()).containsIgnoringCase("session");

        vault.close();
        assertThat(vault.read("conn")).isEmpty();
    }
}
