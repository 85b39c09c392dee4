package io.keydeck.cli;

import io.keydeck.journal.JournalAction;
import io.keydeck.journal.JournalEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code keydeck journal key} for auditors, and {@code journal verify --public-key} on a copy elsewhere. */
class JournalKeyCommandTest {
    @TempDir
    Path dir;
    private CliHarness cli;

    @BeforeEach
    void journalWithThreeEntries() throws Exception {
        cli = new CliHarness(dir.resolve("install"));
        for (int i = 1; i <= 3; i++) {
            cli.journal().append(new JournalEntry(Instant.parse("2026-11-27T10:00:00Z"), "alice", "Prod",
                    JournalAction.REVOKE, "key_" + i, "key number " + i, "mrk_live_…000" + i, JournalEntry.OK, "req_" + i));
        }
    }

    private String fingerprintInFile() throws Exception {
        String line = Files.readAllLines(cli.journal().file()).get(0);
        return line.replaceAll(".*\"signer\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void printsThePublicKeyItsFingerprintAndTheAnchor() throws Exception {
        CliHarness.Result result = cli.run("journal", "key");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("Fingerprint: " + fingerprintInFile())
                .containsPattern("Anchor: 3:[0-9a-f]{64}:1")
                .contains("-----BEGIN PUBLIC KEY-----").contains("-----END PUBLIC KEY-----");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void withASessionOnlyVaultTheKeyCommandWarnsItIsNotProtected() {
        cli.vault = new io.keydeck.vault.SessionVault();
        cli.vaultUnavailable = Optional.of("no keychain");

        CliHarness.Result result = cli.run("journal", "key");

        assertThat(result.exit()).isZero();
        assertThat(result.err()).contains("NOT protected");
    }

    @Test
    void anAuditorVerifiesACopyWithThePrintedKeyAndAnchor() throws Exception {
        CliHarness.Result key = cli.run("journal", "key");
        Path saved = dir.resolve("auditor-key.txt");
        Files.writeString(saved, key.out(), StandardCharsets.UTF_8);
        String anchor = key.outLines().stream().filter(l -> l.startsWith("Anchor: ")).findFirst().orElseThrow()
                .substring("Anchor: ".length());
        Path copy = dir.resolve("copy.jsonl");
        Files.copy(cli.journal().file(), copy);
        // the auditor's machine: an empty keychain, no journal of its own
        CliHarness auditor = new CliHarness(dir.resolve("auditor"));

        CliHarness.Result intact = auditor.run("journal", "verify", "--file", copy.toString(), "--public-key",
                saved.toString(), "--anchor", anchor);
        assertThat(intact.exit()).as(intact.out() + intact.err()).isZero();
        assertThat(intact.out()).contains("all 3 entries check out, every one signed");
        assertThat(auditor.keychain.tokens).isEmpty();

        List<String> lines = Files.readAllLines(copy);
        Files.writeString(copy, lines.get(0) + "\n" + lines.get(1) + "\n");
        CliHarness.Result cut = auditor.run("journal", "verify", "--file", copy.toString(), "--public-key",
                saved.toString(), "--anchor", anchor);
        assertThat(cut.exit()).isEqualTo(1);
        assertThat(cut.out()).contains("The journal ends at entry 2; the anchor in the --anchor given says 3");

        CliHarness.Result withoutAnchor = auditor.run("journal", "verify", "--file", copy.toString(), "--public-key",
                saved.toString());
        assertThat(withoutAnchor.exit()).isZero();
        assertThat(withoutAnchor.out()).contains("Without --anchor");
    }

    @Test
    void aBadPublicKeyOrAnchorIsAUsageError() {
        CliHarness.Result badKey = cli.run("journal", "verify", "--public-key", "not-a-key!");
        assertThat(badKey.exit()).isEqualTo(2);
        assertThat(badKey.err()).contains("--public-key: The public key is not base64 or a PEM block.");

        CliHarness.Result anchorAlone = cli.run("journal", "verify", "--anchor", "3:abc");
        assertThat(anchorAlone.exit()).isEqualTo(2);
        assertThat(anchorAlone.err()).contains("--anchor is for checking a copy with --public-key");
    }
}
