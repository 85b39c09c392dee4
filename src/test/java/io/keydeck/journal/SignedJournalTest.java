package io.keydeck.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keydeck.journal.ChainBreak.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing, the anchor, migration of an unsigned journal, copies checked elsewhere, and where the key lives. */
class SignedJournalTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private final JournalKeyring keychain = JournalKeyring.inMemory(true, "test keychain");

    private Path file() {
        return dir.resolve("data").resolve("journal.jsonl");
    }

    private ActionJournal journal() {
        return ActionJournal.open(file(), keychain);
    }

    private static JournalEntry entry(int i) {
        return new JournalEntry(Instant.parse("2026-12-05T10:00:00Z"), "alice", "Prod", JournalAction.REVOKE,
                "key_" + i, "key number " + i, "mrk_live_…000" + i, JournalEntry.OK, "req_" + i);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** A journal as versions before signing wrote it: the same chain, no signer or sig. */
    private void writeLegacyJournal(int count) throws Exception {
        JournalLineFormat format = new JournalLineFormat();
        StringBuilder text = new StringBuilder();
        String prev = JournalLineFormat.GENESIS;
        for (int i = 1; i <= count; i++) {
            byte[] line = format.encode(entry(i), i, prev);
            text.append(new String(line, StandardCharsets.UTF_8)).append('\n');
            prev = sha256(line);
        }
        Files.createDirectories(file().getParent());
        Files.writeString(file(), text.toString(), StandardCharsets.UTF_8);
    }

    @Test
    void eachLineIsSignedOverItsContentAndThePreviousLinesHash() throws Exception {
        ActionJournal journal = journal();
        journal.append(entry(1));
        journal.append(entry(2));
        JournalPublicKey key = journal.publicKey();
        List<String> lines = Files.readAllLines(file());

        JsonNode second = JSON.readTree(lines.get(1));
        assertThat(second.get("signer").asText()).isEqualTo(key.fingerprint()).startsWith("SHA256:");
        assertThat(second.get("prev").asText()).isEqualTo(sha256(lines.get(0).getBytes(StandardCharsets.UTF_8)));
        com.fasterxml.jackson.databind.node.ObjectNode signedPart = second.deepCopy();
        signedPart.remove("hash");
        signedPart.remove("sig");
        java.security.Signature verifier = java.security.Signature.getInstance("Ed25519");
        verifier.initVerify(java.security.KeyFactory.getInstance("Ed25519").generatePublic(
                new java.security.spec.X509EncodedKeySpec(Base64.getDecoder().decode(key.base64()))));
        verifier.update(JSON.writeValueAsBytes(signedPart));
        assertThat(verifier.verify(Base64.getDecoder().decode(second.get("sig").asText()))).isTrue();
        assertThat(journal.anchor()).hasValueSatisfying(a -> {
            assertThat(a.seq()).isEqualTo(2);
            assertThat(a.hash()).isEqualTo(JournalLineFormat.sha256(lines.get(1).getBytes(StandardCharsets.UTF_8)));
            assertThat(a.signedFrom()).isEqualTo(1);
        });
    }

    @Test
    void thePrivateKeyIsOnlyInTheKeychainNeverInAFile() throws Exception {
        ActionJournal journal = journal();
        journal.append(entry(1));
        String privateKey = new String(keychain.read(JournalSigningKey.PRIVATE).orElseThrow());
        assertThat(privateKey).isNotBlank();
        // the raw 32-byte seed, too, in case some code wrote it in another encoding
        byte[] pkcs8 = Base64.getDecoder().decode(privateKey);
        String seedHex = HexFormat.of().formatHex(pkcs8, pkcs8.length - 32, pkcs8.length);
        String seedBase64 = Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(pkcs8, pkcs8.length - 32,
                pkcs8.length));

        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            String content = Files.readString(f, StandardCharsets.ISO_8859_1);
            assertThat(content).as(f.toString()).doesNotContain(privateKey).doesNotContain(seedHex)
                    .doesNotContain(seedBase64);
        }
    }

    @Test
    void anUnsignedJournalIsKeptAsItIsAndContinuedSigned() throws Exception {
        writeLegacyJournal(3);
        byte[] before = Files.readAllBytes(file());
        assertThat(journal().verify().notes()).anySatisfy(n -> assertThat(n)
                .contains("Its 3 entries are unsigned").contains("The next entry will be signed"));

        journal().append(entry(4));
        journal().append(entry(5));

        byte[] after = Files.readAllBytes(file());
        assertThat(java.util.Arrays.copyOf(after, before.length)).isEqualTo(before);
        VerifyResult result = journal().verify();
        assertThat(result.isIntact()).as(result.describeWithNotes()).isTrue();
        assertThat(result.describe()).contains("all 5 entries check out (2 signed by this install's key)");
        assertThat(result.notes()).anySatisfy(n -> assertThat(n).contains("Entries 1-3 are the unsigned journal of an"
                + " earlier version"));
        assertThat(journal().read()).extracting(JournalEntry::keyId)
                .containsExactly("key_1", "key_2", "key_3", "key_4", "key_5");
        assertThat(journal().anchor()).hasValueSatisfying(a -> assertThat(a.signedFrom()).isEqualTo(4));
    }

    @Test
    void rewritingTheLegacySegmentIsCaughtByTheFirstSignedLine() throws Exception {
        writeLegacyJournal(3);
        journal().append(entry(4));
        // rewrite legacy line 2 and recompute the legacy hashes: only the signed line 4 still remembers line 3
        List<String> lines = new ArrayList<>(Files.readAllLines(file()));
        JournalLineFormat format = new JournalLineFormat();
        String prev = sha256(lines.get(0).getBytes(StandardCharsets.UTF_8));
        JournalEntry forged = new JournalEntry(Instant.parse("2026-12-05T10:00:00Z"), "mallory", "Prod",
                JournalAction.REVOKE, "key_2", "key number 2", "mrk_live_…0002", JournalEntry.OK, "req_2");
        lines.set(1, new String(format.encode(forged, 2, prev), StandardCharsets.UTF_8));
        lines.set(2, new String(format.encode(entry(3), 3, sha256(lines.get(1).getBytes(StandardCharsets.UTF_8))),
                StandardCharsets.UTF_8));
        Files.writeString(file(), String.join("\n", lines) + "\n");

        ChainBreak chainBreak = journal().verify().firstBreak().orElseThrow();

        assertThat(chainBreak.reason()).isEqualTo(Reason.EDITED);
        assertThat(chainBreak.message()).contains("Line 3 was changed after it was written: line 4 recorded a different"
                + " hash for it");
    }

    @Test
    void aCopyChecksOutElsewhereWithThePublicKeyAndTheAnchorShowsItsCutTail() throws Exception {
        ActionJournal journal = journal();
        for (int i = 1; i <= 4; i++) {
            journal.append(entry(i));
        }
        JournalPublicKey pinned = JournalPublicKey.parse(journal.publicKey().pem());
        JournalAnchor anchor = JournalAnchor.parse(journal.anchor().orElseThrow().format());
        Path copy = dir.resolve("copy.jsonl");
        Files.copy(file(), copy);

        assertThat(ActionJournal.verifyCopy(copy, pinned, anchor).isIntact()).isTrue();
        assertThat(ActionJournal.verifyCopy(copy, pinned, null).notes()).anySatisfy(n -> assertThat(n)
                .contains("Without --anchor"));

        List<String> lines = Files.readAllLines(copy);
        Files.writeString(copy, String.join("\n", lines.subList(0, 3)) + "\n");
        assertThat(ActionJournal.verifyCopy(copy, pinned, null).isIntact()).isTrue();
        VerifyResult cut = ActionJournal.verifyCopy(copy, pinned, anchor);
        assertThat(cut.firstBreak()).hasValueSatisfying(b -> {
            assertThat(b.reason()).isEqualTo(Reason.TRUNCATED);
            assertThat(b.message()).contains("The journal ends at entry 3; the anchor in the --anchor given says 4");
        });

        JournalPublicKey someoneElse = JournalPublicKey.of(java.security.KeyPairGenerator.getInstance("Ed25519")
                .generateKeyPair().getPublic());
        assertThat(ActionJournal.verifyCopy(copy, someoneElse, null).firstBreak())
                .hasValueSatisfying(b -> assertThat(b.reason()).isEqualTo(Reason.REPLACED));
    }

    @Test
    void aSessionOnlyKeyringSaysPlainlyTheJournalIsNotProtected() throws Exception {
        JournalKeyring session = JournalKeyring.inMemory(false, "memory of this session");
        ActionJournal journal = ActionJournal.open(file(), session);
        journal.append(entry(1));

        assertThat(journal.isProtected()).isFalse();
        assertThat(journal.protection()).contains("NOT protected");
        VerifyResult result = journal.verify();
        assertThat(result.isIntact()).isTrue();
        assertThat(result.notes()).anySatisfy(n -> assertThat(n).contains("for this session only")
                .contains("NOT protected"));

        // the next session has a new key: the old lines cannot be checked, which is said, not hidden
        VerifyResult nextSession = ActionJournal.open(file(), JournalKeyring.inMemory(false, "memory")).verify();
        assertThat(nextSession.isIntact()).isTrue();
        assertThat(nextSession.notes()).anySatisfy(n -> assertThat(n).contains("1 signed entry was not checked"));
    }

    @Test
    void aKeychainWithoutTheKeyReportsSignedLinesAsComingFromElsewhere() throws Exception {
        journal().append(entry(1));
        JournalKeyring wiped = JournalKeyring.inMemory(true, "new keychain");

        ChainBreak chainBreak = ActionJournal.open(file(), wiped).verify().firstBreak().orElseThrow();

        assertThat(chainBreak.reason()).isEqualTo(Reason.REPLACED);
        assertThat(chainBreak.message()).contains("this install has no journal signing key");
    }
}
