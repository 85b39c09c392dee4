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
                    // what 'keydeck connections doctor' lists: the Secret Service is asked by attribute
                    assertThat(vault.storedIds()).hasValueSatisfying(ids -> assertThat(ids).contains(connectionId));
                }

                vault.store(connectionId, (token + "-rotated").toCharArray());
                assertThat(vault.read(connectionId)).hasValueSatisfying(t -> assertThat(new String(t)).isEqualTo(token + "-rotated"));

                vault.delete(connectionId);

                assertThat(vault.read(connectionId)).isEmpty();
                if (secretToolUsable()) {
                    assertThat(secretToolSearch(connectionId)).doesNotContain(connectionId);
                    assertThat(vault.storedIds()).hasValueSatisfying(ids -> assertThat(ids).doesNotContain(connectionId));
                }
            } finally {
                vault.delete(connectionId);
            }
        }
    }

    @Test
    void theJournalsSigningKeyAndAnchorLiveInTheOsKeychainAndSurviveARestart(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        // a prefix of our own, so the test never touches this machine's real journal key
        String prefix = "keydeck-test-" + UUID.randomUUID() + "/";
        java.util.Set<String> names = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Path file = dir.resolve("journal.jsonl");
        try (KeychainVault vault = openOrSkip()) {
            try {
                io.keydeck.journal.ActionJournal journal = io.keydeck.journal.ActionJournal.open(file, keyring(vault, prefix, names));
                for (int i = 1; i <= 3; i++) {
                    journal.append(new io.keydeck.journal.JournalEntry(java.time.Instant.now(), "ci", "Prod",
                            io.keydeck.journal.JournalAction.REVOKE, "key_" + i, "key " + i, "mrk_live_…000" + i, "ok",
                            "req_" + i));
                }
                assertThat(journal.isProtected()).isTrue();
                assertThat(names).contains(prefix + "journal-signing-key", prefix + "journal-public-key");
                char[] privateKey = vault.read(prefix + "journal-signing-key").orElseThrow();
                String privateText = new String(privateKey);
                assertThat(Files.readString(file)).doesNotContain(privateText);
                if (secretToolUsable()) {
                    assertThat(secretToolSearch(prefix + "journal-signing-key")).contains("secret = " + privateText);
                }
                java.util.Arrays.fill(privateKey, '\0');

                // a new keychain connection, as after a restart: the key and the anchor are still there
                try (KeychainVault again = KeychainVault.open(Duration.ofSeconds(30))) {
                    io.keydeck.journal.ActionJournal reopened = io.keydeck.journal.ActionJournal.open(file,
                            keyring(again, prefix, names));
                    io.keydeck.journal.VerifyResult intact = reopened.verify();
                    assertThat(intact.describe()).contains("all 3 entries check out, every one signed");
                    java.util.List<String> lines = Files.readAllLines(file);
                    Files.writeString(file, lines.get(0) + "\n" + lines.get(1) + "\n");
                    assertThat(reopened.verify().firstBreak()).hasValueSatisfying(b -> assertThat(b.message())
                            .contains("The journal ends at entry 2; the anchor in the ").contains("says 3"));
                }
            } finally {
                names.forEach(vault::delete);
            }
        }
    }

    /** As the app wires it (CliContext.keyring), over a real keychain, with the test's prefix on every name. */
    private static io.keydeck.journal.JournalKeyring keyring(KeychainVault vault, String prefix, java.util.Set<String> names) {
        return io.keydeck.journal.JournalKeyring.of((name, value) -> {
            names.add(prefix + name);
            vault.store(prefix + name, value);
        }, name -> vault.read(prefix + name), name -> vault.delete(prefix + name), vault.remembersAcrossRestarts(),
                vault.description());
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
