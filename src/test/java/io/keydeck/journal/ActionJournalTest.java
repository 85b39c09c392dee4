package io.keydeck.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keydeck.journal.ChainBreak.Reason;
import io.keydeck.model.ApiKey;
import io.keydeck.model.KeyEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The action journal: what it records, that it never records a secret, and that tampering shows. */
class ActionJournalTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:15:30Z"), ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private ActionJournal journal() {
        return ActionJournal.open(dir.resolve("journal.jsonl"));
    }

    private static ApiKey key(String id, String name, String lastFour) {
        return new ApiKey(id, name, "mrk_live_", lastFour, KeyEnvironment.LIVE, List.of("chat:write"), null, null,
                null, null, false, null, false, null);
    }

    private ActionJournal journalWithFourEntries() throws Exception {
        ActionJournal journal = journal();
        journal.append(JournalEntry.succeeded(CLOCK, JournalAction.CREATE, "Prod", key("key_1", "billing", "a1b2"), "req_1"));
        journal.append(JournalEntry.succeeded(CLOCK, JournalAction.RENAME, "Prod", key("key_1", "billing-v2", "a1b2"), "req_2"));
        journal.append(JournalEntry.failed(CLOCK, JournalAction.REVOKE, "Prod", key("key_2", "ci", "c3d4"), null,
                "insufficient_permissions", "req_3"));
        journal.append(JournalEntry.succeeded(CLOCK, JournalAction.REVOKE, "Prod", key("key_2", "ci", "c3d4"), "req_4"));
        return journal;
    }

    private List<String> lines() throws Exception {
        return new ArrayList<>(Files.readAllLines(journal().file(), StandardCharsets.UTF_8));
    }

    private void writeLines(List<String> lines) throws Exception {
        Files.writeString(journal().file(), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private ChainBreak firstBreak() throws Exception {
        VerifyResult result = journal().verify();
        assertThat(result.isIntact()).as(result.describe()).isFalse();
        return result.firstBreak().orElseThrow();
    }

    @Test
    void recordsWhoDidWhatToWhichKeyAndReadsItBackInOrder() throws Exception {
        ActionJournal journal = journalWithFourEntries();

        List<JournalEntry> entries = journal.read();

        assertThat(entries).extracting(JournalEntry::action)
                .containsExactly(JournalAction.CREATE, JournalAction.RENAME, JournalAction.REVOKE, JournalAction.REVOKE);
        JournalEntry failed = entries.get(2);
        assertThat(failed.result()).isEqualTo("failed: insufficient_permissions");
        assertThat(failed.keyHint()).isEqualTo("mrk_live_…c3d4");
        assertThat(failed.keyName()).isEqualTo("ci");
        assertThat(failed.connection()).isEqualTo("Prod");
        assertThat(failed.requestId()).isEqualTo("req_3");
        assertThat(failed.user()).isEqualTo(System.getProperty("user.name"));
        assertThat(failed.time()).isEqualTo(CLOCK.instant());
        assertThat(journal.verify().isIntact()).isTrue();
        assertThat(journal.verify().lineCount()).isEqualTo(4);
    }

    @Test
    void eachLineCarriesTheSha256OfThePreviousLineStartingFromTheEmptyString() throws Exception {
        journalWithFourEntries();
        List<String> lines = lines();

        assertThat(JSON.readTree(lines.get(0)).get("prev").asText())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        for (int i = 1; i < lines.size(); i++) {
            assertThat(JSON.readTree(lines.get(i)).get("prev").asText()).isEqualTo(sha256(lines.get(i - 1)));
            assertThat(JSON.readTree(lines.get(i)).get("seq").asInt()).isEqualTo(i + 1);
        }
    }

    @Test
    void linesLongerThanTheTailBufferStillChainCorrectly() throws Exception {
        ActionJournal journal = journal();
        for (int i = 0; i < 5; i++) {
            String longName = ("name-" + i + "-").repeat(2_000 + i * 700);
            journal.append(JournalEntry.succeeded(CLOCK, JournalAction.RENAME, "Prod", key("key_" + i, longName, "a1b2"), null));
        }

        assertThat(Files.size(journal.file())).isGreaterThan(5 * 8192);
        assertThat(journal.verify().isIntact()).as(journal.verify().describe()).isTrue();
        assertThat(journal.read()).extracting(JournalEntry::keyId).containsExactly("key_0", "key_1", "key_2", "key_3", "key_4");
    }

    @Test
    void aMissingJournalIsEmptyAndIntact() throws Exception {
        assertThat(journal().read()).isEmpty();
        assertThat(journal().verify().isIntact()).isTrue();
        assertThat(journal().verify().lineCount()).isZero();
    }

    @Test
    void editingOneCharacterOfLineTwoIsReportedAtLineTwo() throws Exception {
        journalWithFourEntries();
        List<String> lines = lines();
        lines.set(1, lines.get(1).replace("billing-v2", "billing-v3"));
        writeLines(lines);

        ChainBreak chainBreak = firstBreak();

        assertThat(chainBreak.line()).isEqualTo(2);
        assertThat(chainBreak.reason()).isEqualTo(Reason.EDITED);
        assertThat(chainBreak.message()).contains("Line 2");
    }

    @Test
    void editingALineThatBreaksItsJsonIsReportedAsMalformed() throws Exception {
        journalWithFourEntries();
        List<String> lines = lines();
        lines.set(1, lines.get(1).replaceFirst("\\{", "["));
        writeLines(lines);

        ChainBreak chainBreak = firstBreak();

        assertThat(chainBreak.line()).isEqualTo(2);
        assertThat(chainBreak.reason()).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void aForgedUnsignedLineWithItsOwnHashRecomputedIsCaughtAsUnsigned() throws Exception {
        journalWithFourEntries();
        List<String> lines = lines();
        JsonNode original = JSON.readTree(lines.get(2));
        JournalEntry forged = new JournalEntry(CLOCK.instant(), "someone-else", "Prod", JournalAction.REVOKE, "key_2",
                "ci", "mrk_live_…c3d4", JournalEntry.OK, "req_3");
        lines.set(2, new String(new JournalLineFormat().encode(forged, original.get("seq").asLong(),
                original.get("prev").asText()), StandardCharsets.UTF_8));
        writeLines(lines);

        ChainBreak chainBreak = firstBreak();

        assertThat(chainBreak.line()).isEqualTo(3);
        assertThat(chainBreak.reason()).isEqualTo(Reason.UNSIGNED);
        assertThat(chainBreak.message()).contains("Line 3 (entry #3) has no signature, but the journal is signed from"
                + " entry #1 on");
    }

    @Test
    void editingTheLastLineIsDetectedToo() throws Exception {
        journalWithFourEntries();
        List<String> lines = lines();
        lines.set(3, lines.get(3).replace("\"result\":\"ok\"", "\"result\":\"failed: x\""));
        writeLines(lines);

        ChainBreak chainBreak = firstBreak();

        assertThat(chainBreak.line()).isEqualTo(4);
        assertThat(chainBreak.reason()).isEqualTo(Reason.EDITED);
    }

    @Test
    void deletingALineIsReportedWhereTheGapIs() throws Exception {
        journalWithFourEntries();
        List<String> lines = lines();
        lines.remove(1);
        writeLines(lines);

        ChainBreak chainBreak = firstBreak();

        assertThat(chainBreak.line()).isEqualTo(2);
        assertThat(chainBreak.reason()).isEqualTo(Reason.DELETED);
        assertThat(chainBreak.message()).contains("1 line was deleted before line 2");
    }

    @Test
    void insertingACopiedLineIsReportedAsInserted() throws Exception {
        journalWithFourEntries();
        List<String> lines = lines();
        lines.add(2, lines.get(0));
        writeLines(lines);

        ChainBreak chainBreak = firstBreak();

        assertThat(chainBreak.line()).isEqualTo(3);
        assertThat(chainBreak.reason()).isEqualTo(Reason.INSERTED);
    }

    @Test
    void aTornLastLineIsReportedAndStaysReportedAfterTheNextAppend() throws Exception {
        ActionJournal journal = journalWithFourEntries();
        byte[] bytes = Files.readAllBytes(journal.file());
        Files.write(journal.file(), java.util.Arrays.copyOf(bytes, bytes.length - 20));

        ChainBreak torn = firstBreak();
        assertThat(torn.line()).isEqualTo(4);
        assertThat(torn.reason()).isEqualTo(Reason.TORN);
        assertThat(journal.read()).hasSize(3);

        journal.append(JournalEntry.succeeded(CLOCK, JournalAction.DISABLE, "Prod", key("key_3", "bot", "e5f6"), "req_5"));

        ChainBreak afterAppend = firstBreak();
        assertThat(afterAppend.line()).isEqualTo(4);
        assertThat(afterAppend.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(lines()).hasSize(5);
        assertThat(journal.read()).last().extracting(JournalEntry::action).isEqualTo(JournalAction.DISABLE);
    }

    @Test
    void aSecretPastedIntoANameNeverReachesTheFile() throws Exception {
        String secret = "mrk_live_" + "Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z";
        ActionJournal journal = journal();

        journal.append(JournalEntry.failed(CLOCK, JournalAction.CREATE, "Prod " + secret, null, "key for " + secret,
                "invalid_request " + secret, "req_" + secret));

        String text = Files.readString(journal.file());
        assertThat(text).doesNotContain(secret).doesNotContain("Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z").contains("[REDACTED]");
        assertThat(journal.verify().isIntact()).isTrue();
    }

    @Test
    void manyThreadsAppendingAtOnceKeepTheChainIntact() throws Exception {
        ActionJournal shared = journal();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                ActionJournal own = ActionJournal.open(shared.file());
                for (int i = 0; i < 25; i++) {
                    own.append(JournalEntry.succeeded(CLOCK, JournalAction.ENABLE, "T" + thread,
                            key("key_" + thread + "_" + i, "k", "0000"), null));
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(shared.verify().isIntact()).as(shared.verify().describe()).isTrue();
        assertThat(shared.read()).hasSize(200);
    }

    @Test
    void twoProcessesAppendingAtOnceKeepTheChainIntact() throws Exception {
        ActionJournal journal = journal();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        for (String name : List.of("A", "B")) {
            processes.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    JournalAppenderProcess.class.getName(), journal.file().toString(), "60", name)
                    .redirectErrorStream(true).redirectOutput(new File(dir.toFile(), name + ".log")).start());
        }
        for (Process p : processes) {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(Files.readString(dir.resolve("A.log")) + Files.readString(dir.resolve("B.log")))
                    .isZero();
        }

        VerifyResult result = journal.verify();
        assertThat(result.isIntact()).as(result.describe()).isTrue();
        assertThat(journal.read()).hasSize(120).extracting(JournalEntry::connection).contains("A", "B");
    }
}
