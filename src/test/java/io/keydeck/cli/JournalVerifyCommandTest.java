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
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code keydeck journal verify} (exit 0 intact, 1 naming the first broken line) and {@code journal list}. */
class JournalVerifyCommandTest {
    @TempDir
    Path dir;
    private CliHarness cli;

    @BeforeEach
    void journalWithThreeEntries() throws Exception {
        cli = new CliHarness(dir);
        for (int i = 1; i <= 3; i++) {
            cli.journal().append(new JournalEntry(Instant.parse("2026-11-27T10:00:00Z"), "alice", "Prod",
                    JournalAction.REVOKE, "key_" + i, "key number " + i, "mrk_live_…000" + i, JournalEntry.OK, "req_" + i));
        }
    }

    private void rewrite(java.util.function.Consumer<List<String>> change) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(cli.journal().file()));
        change.accept(lines);
        Files.writeString(cli.journal().file(), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    @Test
    void anIntactJournalExitsZero() {
        CliHarness.Result result = cli.run("journal", "verify");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("intact").contains("all 3 entries");
    }

    @Test
    void listShowsWhoDidWhatOldestFirst() {
        CliHarness.Result result = cli.run("journal", "list", "--last", "2");

        assertThat(result.exit()).isZero();
        assertThat(result.outLines()).hasSize(3);
        assertThat(result.outLines().get(0)).startsWith("TIME").contains("USER", "ACTION", "RESULT", "REQUEST ID");
        assertThat(result.outLines().get(1)).containsPattern("2026-11-27 10:00:00Z\\s+alice\\s+Prod\\s+revoke\\s+key_2\\s+"
                + "key number 2\\s+mrk_live_…0002\\s+ok\\s+req_2");
        assertThat(result.outLines().get(2)).contains("key_3");
        assertThat(result.err()).contains("3 entries");
    }

    @Test
    void listAsJsonIsOneArrayOfEveryEntryOldestFirst() throws Exception {
        CliHarness.Result result = cli.run("journal", "list", "--json");

        assertThat(result.exit()).isZero();
        com.fasterxml.jackson.databind.JsonNode entries = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(result.out());
        assertThat(entries.findValuesAsText("key_id")).containsExactly("key_1", "key_2", "key_3");
        assertThat(cli.run("journal", "list", "--json", "--last", "1").out()).contains("key_3")
                .doesNotContain("key_2");
    }

    @Test
    void noJournalYetIsIntact() {
        CliHarness.Result result = cli.run("journal", "verify", "--file", dir.resolve("none.jsonl").toString());

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("empty");
    }

    @Test
    void anEditedLineExitsOneAndIsNamed() throws Exception {
        rewrite(lines -> lines.set(1, lines.get(1).replace("key number 2", "key number 9")));

        CliHarness.Result result = cli.run("journal", "verify");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("Line 2 was edited");
    }

    @Test
    void aDeletedLineExitsOneAndIsNamed() throws Exception {
        rewrite(lines -> lines.remove(1));

        CliHarness.Result result = cli.run("journal", "verify");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("1 line was deleted before line 2");
    }

    @Test
    void aTruncatedLastLineExitsOne() throws Exception {
        byte[] bytes = Files.readAllBytes(cli.journal().file());
        Files.write(cli.journal().file(), java.util.Arrays.copyOf(bytes, bytes.length - 7));

        CliHarness.Result result = cli.run("journal", "verify");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("Line 3 is incomplete");
    }
}
