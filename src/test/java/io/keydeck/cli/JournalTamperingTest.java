package io.keydeck.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keydeck.journal.JournalAction;
import io.keydeck.journal.JournalEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An attacker with write access to the journal file (but not to the keychain) tries each kind of
 * tampering; {@code keydeck journal verify} must name it and exit 1. Before signing and the anchor,
 * cutting the tail, rewriting with recomputed hashes and emptying the file all passed with exit 0.
 */
class JournalTamperingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private CliHarness cli;

    @BeforeEach
    void journalWithFiveEntries() throws Exception {
        cli = new CliHarness(dir.resolve("install"));
        append(cli, 5);
    }

    private static void append(CliHarness harness, int count) throws Exception {
        for (int i = 1; i <= count; i++) {
            harness.journal().append(new JournalEntry(Instant.parse("2026-12-05T10:00:00Z"), "alice", "Prod",
                    JournalAction.REVOKE, "key_" + i, "key number " + i, "mrk_live_…000" + i, JournalEntry.OK, "req_" + i));
        }
    }

    private Path file() {
        return cli.journal().file();
    }

    private void rewrite(Consumer<List<String>> change) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(file(), StandardCharsets.UTF_8));
        change.accept(lines);
        Files.writeString(file(), lines.isEmpty() ? "" : String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private CliHarness.Result verify() {
        return cli.run("journal", "verify");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** What a careful attacker does after changing content: recompute every hash and prev from there on. */
    private static List<String> recomputeChain(List<String> lines, boolean keepSignatures) throws Exception {
        List<String> out = new ArrayList<>();
        String prev = sha256(new byte[0]);
        for (String line : lines) {
            ObjectNode node = (ObjectNode) JSON.readTree(line);
            node.remove("hash");
            String sig = node.has("sig") ? node.remove("sig").asText() : null;
            if (!keepSignatures) {
                node.remove("signer");
            }
            node.put("prev", prev);
            node.put("hash", sha256(JSON.writeValueAsBytes(node)));
            if (keepSignatures && sig != null) {
                node.put("sig", sig);
            }
            String rewritten = JSON.writeValueAsString(node);
            out.add(rewritten);
            prev = sha256(rewritten.getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    private void editLineThreeAndRecomputeTheChain(boolean keepSignatures) throws Exception {
        rewrite(lines -> {
            lines.set(2, lines.get(2).replace("key number 3", "key number 9"));
            try {
                List<String> chained = recomputeChain(lines, keepSignatures);
                lines.clear();
                lines.addAll(chained);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void theUntouchedJournalIsIntactAndSigned() {
        CliHarness.Result result = verify();

        assertThat(result.exit()).as(result.out()).isZero();
        assertThat(result.out()).contains("intact: all 5 entries check out, every one signed by this install's key");
    }

    @Test
    void editingOneByteIsNamedAsAnEdit() throws Exception {
        byte[] bytes = Files.readAllBytes(file());
        String text = new String(bytes, StandardCharsets.UTF_8);
        int at = text.indexOf("key number 3");
        bytes[text.substring(0, at).getBytes(StandardCharsets.UTF_8).length + "key number ".length()] = '8';
        Files.write(file(), bytes);

        CliHarness.Result result = verify();

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("Line 3 was edited after it was written");
    }

    @Test
    void insertingAForgedLineIsNamedAsAnInsertion() throws Exception {
        rewrite(lines -> {
            try {
                ObjectNode forged = (ObjectNode) JSON.readTree(lines.get(2));
                forged.put("key_name", "never happened");
                forged.put("prev", sha256(lines.get(1).getBytes(StandardCharsets.UTF_8)));
                forged.remove("hash");
                forged.remove("sig");
                forged.put("hash", sha256(JSON.writeValueAsBytes(forged)));
                forged.put("sig", "AAAA");
                lines.add(2, JSON.writeValueAsString(forged));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        CliHarness.Result result = verify();

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("Line 3 was inserted");
    }

    @Test
    void insertingACopyOfALineIsNamedAsAnInsertion() throws Exception {
        rewrite(lines -> lines.add(3, lines.get(1)));

        CliHarness.Result result = verify();

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("Line 4 was inserted or moved");
    }

    @Test
    void deletingAMiddleLineIsNamedAsADeletion() throws Exception {
        rewrite(lines -> lines.remove(2));

        CliHarness.Result result = verify();

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("1 line was deleted before line 3");
    }

    @Test
    void deletingTheTailIsNamedByTheAnchor() throws Exception {
        rewrite(lines -> lines.subList(3, 5).clear());

        CliHarness.Result result = verify();

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("The journal ends at entry 3; the anchor in the test keychain says 5:"
                + " the last 2 entries were deleted");
    }

    @Test
    void swappingTwoLinesIsNamedAsReorderingNotDeletion() throws Exception {
        rewrite(lines -> lines.add(3, lines.remove(2)));

        CliHarness.Result result = verify();

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("The entries were reordered: line 3 is entry #4, but entry #3 comes later,"
                + " at line 4").doesNotContain("deleted");
    }

    @Test
    void rewritingWithRecomputedHashesIsNamedAsARewrite() throws Exception {
        editLineThreeAndRecomputeTheChain(true);

        CliHarness.Result result = verify();

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("Line 3 was rewritten after it was signed");
    }

    @Test
    void rewritingEverythingAsAnUnsignedJournalIsNamedAsStrippedSignatures() throws Exception {
        editLineThreeAndRecomputeTheChain(false);

        CliHarness.Result result = verify();

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("Line 1 (entry #1) has no signature, but the journal is signed from entry #1"
                + " on (as the anchor in the test keychain records): signatures were stripped");
    }

    @Test
    void truncatingToEmptyIsNamedByTheAnchor() throws Exception {
        Files.write(file(), new byte[0]);

        CliHarness.Result result = verify();

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("The journal is empty, but the anchor in the test keychain says it ends at"
                + " entry 5: it was emptied, deleted or replaced.");
    }

    @Test
    void deletingTheFileIsNamedByTheAnchor() throws Exception {
        Files.delete(file());

        CliHarness.Result result = verify();

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("The journal is empty, but the anchor");
    }

    @Test
    void replacingItWithAnotherInstallsJournalIsNamedAsReplaced() throws Exception {
        CliHarness other = new CliHarness(dir.resolve("other-install"));
        append(other, 6);
        Files.copy(other.journal().file(), file(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        CliHarness.Result result = verify();

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("Line 1 is signed by another key (SHA256:")
                .contains("the journal was replaced by another install's");
    }

    @Test
    void anotherInstallsKeyPairCannotBeUsedToForgeLinesEither() throws Exception {
        // the attacker runs their own KeyDeck, then appends a line to ours validly signed with their own key
        CliHarness other = new CliHarness(dir.resolve("attacker"));
        append(other, 6);
        String forged = Files.readAllLines(other.journal().file()).get(5);
        java.security.PrivateKey attackerKey = java.security.KeyFactory.getInstance("Ed25519").generatePrivate(
                new java.security.spec.PKCS8EncodedKeySpec(java.util.Base64.getDecoder().decode(
                        new String(other.keychain.tokens.get("journal-signing-key")))));
        rewrite(lines -> {
            try {
                ObjectNode node = (ObjectNode) JSON.readTree(forged);
                node.remove("hash");
                node.remove("sig");
                node.put("prev", sha256(lines.get(4).getBytes(StandardCharsets.UTF_8)));
                byte[] signed = JSON.writeValueAsBytes(node);
                java.security.Signature signer = java.security.Signature.getInstance("Ed25519");
                signer.initSign(attackerKey);
                signer.update(signed);
                node.put("hash", sha256(signed));
                node.put("sig", java.util.Base64.getEncoder().encodeToString(signer.sign()));
                lines.add(JSON.writeValueAsString(node));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        CliHarness.Result result = verify();

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("Line 6 is signed by another key");
    }
}
