package io.keydeck.journal;

import java.nio.file.Path;
import java.time.Instant;

/** A second JVM appending to the same journal, to prove appends are safe across processes. */
public final class JournalAppenderProcess {
    private JournalAppenderProcess() {
    }

    public static void main(String[] args) throws Exception {
        ActionJournal journal = ActionJournal.open(Path.of(args[0]));
        int count = Integer.parseInt(args[1]);
        for (int i = 0; i < count; i++) {
            journal.append(new JournalEntry(Instant.now(), "proc", args[2], JournalAction.REVOKE, "key_" + i,
                    "process " + args[2] + " #" + i, "mrk_live_…abcd", JournalEntry.OK, "req_" + i));
        }
    }
}
