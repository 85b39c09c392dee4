package io.keydeck.cli;

import io.keydeck.gateway.GatewayException;
import io.keydeck.journal.ActionJournal;
import io.keydeck.journal.JournalEntry;

import java.io.IOException;

/**
 * Admin actions from the command line go into the action journal. The journal is checked before the
 * action, so nothing is done that could not be recorded; if the append itself fails afterwards the
 * action has happened anyway, so the user is warned rather than told it failed.
 */
final class JournalRecording {
    /** A command waits this long at most for its entry to reach the log system before it exits. */
    private static final java.time.Duration FORWARDING_WAIT = java.time.Duration.ofSeconds(3);
    private final CliContext context;
    private final ActionJournal journal;

    private JournalRecording(CliContext context, ActionJournal journal) {
        this.context = context;
        this.journal = journal;
    }

    static JournalRecording ready(CliContext context) throws CliFailure {
        ActionJournal journal = context.journal().get();
        try {
            journal = journal.forwardingAsConfigured(context.settings().get().load().settings().journalForwarding());
        } catch (IllegalArgumentException e) {
            context.err().println("keydeck: warning: journal entries are not forwarded: " + e.getMessage());
        }
        try {
            journal.ensureWritable();
        } catch (IOException e) {
            throw CliFailure.local(e.getMessage() + " Nothing was changed on the gateway.");
        }
        return new JournalRecording(context, journal);
    }

    void record(JournalEntry entry) {
        try {
            journal.append(entry);
        } catch (IOException e) {
            context.err().println("keydeck: warning: this action was NOT recorded in the journal: " + e.getMessage());
            return;
        }
        try {
            if (!journal.awaitForwarded(FORWARDING_WAIT)) {
                context.err().println("keydeck: note: the log system did not take this journal entry yet; it stays"
                        + " queued and the next KeyDeck run sends it.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The journal's result code for a failure: the gateway's code, else the kind of failure. */
    static String code(GatewayException e) {
        return e.code() != null && !e.code().isBlank() ? e.code() : e.kind().name().toLowerCase(java.util.Locale.ROOT);
    }
}
