package io.keydeck.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A real round trip through the OS keychain. Skips where none answers, unless
 * {@code -Dkeydeck.requireKeychain=true} (CI, inside a D-Bus session with gnome-keyring), where a
 * missing keychain is a failure. On Linux it also asks {@code secret-tool} whether the entry is
 * really in the Secret Service, under the attributes java-keyring writes: service and account.
 */
class KeychainRoundTripTest {
    private static final boolean REQUIRED = Boolean.getBoolean("keydeck.requireKeychain");
    private static final boolean LINUX = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux");

    @Test
    void aTokenIsKeptInTheOsKeychainAndGoneAfterDelete() throws Exception {
        String connectionId = "keydeck-test-" + UUID.randomUUID();
        String token = "mrk_admin_roundtrip_" + UUID.randomUUID().toString().replace("-", "");
        try (KeychainVault vault = openOrSkip()) {
            try {
                vault.store(connectionId, token.toCharArray());

                assertThat(vault.read(connectionId)).hasValueSatisfying(t -> assertThat(new String(t)).isEqualTo(token));
                assertThat(vault.remembersAcrossRestarts()).isTrue();
                if (secretToolUsable()) {
                    assertThat(secretToolSearch(connectionId))
                            .contains("attribute.service = " + KeychainVault.SERVICE)
                            .contains("attribute.account = " + connectionId)
                            .contains("secret = " + token);
                }

                vault.store(connectionId, (token + "-rotated").toCharArray());
                assertThat(vault.read(connectionId)).hasValueSatisfying(t -> assertThat(new String(t)).isEqualTo(token + "-rotated"));

                vault.delete(connectionId);

                assertThat(vault.read(connectionId)).isEmpty();
                if (secretToolUsable()) {
                    assertThat(secretToolSearch(connectionId)).doesNotContain(connectionId);
                }
            } finally {
                vault.delete(connectionId);
            }
        }
    }

    private static KeychainVault openOrSkip() {
        try {
            return KeychainVault.open(Duration.ofSeconds(30));
        } catch (KeychainUnavailableException e) {
            if (REQUIRED) {
                fail("keydeck.requireKeychain=true, but no OS keychain answered: " + e.getMessage());
            }
            Assumptions.abort("No OS keychain answered (" + e.getMessage() + "); run inside a D-Bus session with"
                    + " gnome-keyring, or set -Dkeydeck.requireKeychain=true to make this a failure");
            throw new AssertionError("unreachable");
        }
    }

    private static boolean secretToolUsable() {
        if (!LINUX) {
            return false;
        }
        boolean installed = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "secret-tool")));
        if (!installed && REQUIRED) {
            fail("keydeck.requireKeychain=true on Linux needs secret-tool (package libsecret-tools) to check the entry");
        }
        return installed;
    }

    private static String secretToolSearch(String connectionId) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("secret-tool", "search", "--all",
                "service", KeychainVault.SERVICE, "account", connectionId)
                .redirectErrorStream(true)
                .start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("secret-tool finished").isTrue();
        return new String(output, StandardCharsets.UTF_8);
    }
}
