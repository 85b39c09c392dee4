package io.keydeck.cli;

import io.keydeck.journal.ActionJournal;
import io.keydeck.journal.JournalEntry;
import io.keydeck.session.AdminActions;
import io.keydeck.session.GatewayOpener;

import java.time.Duration;

/**
 * The command line's side of {@link AdminActions}: the journal forwarding as the settings say, a warning
 * on stderr when an action could not be recorded, and a short wait for the log system to take each entry
 * before the command exits. Whether an action may go ahead without a journal is the actions' rule, not ours.
 */
final class JournalRecording implements AdminActions.Listener {
    /** A command waits this long at most for its entry to reach the log system before it exits. */
    private static final Duration FORWARDING_WAIT = Duration.ofSeconds(3);
    private final CliContext context;
    private final ActionJournal journal;

    private JournalRecording(CliContext context, ActionJournal journal) {
        this.context = context;
        this.journal = journal;
    }

    /** The admin actions of this command, journaled to the data dir's journal. */
    static AdminActions actions(CliContext context) {
        ActionJournal journal = GatewayOpener.journalReady(context.journal().get(),
                context.settings().get().load().settings().journalForwarding(),
                warning -> context.err().println("keydeck: warning: " + warning));
        return new AdminActions(journal, context.clock(), new JournalRecording(context, journal));
    }

    @Override
    public void notRecorded(JournalEntry entry, String reason) {
        context.err().println("keydeck: warning: this action was NOT recorded in the journal: " + reason);
    }

    @Override
    public void recorded(JournalEntry entry) {
        try {
            if (!journal.awaitForwarded(FORWARDING_WAIT)) {
                context.err().println("keydeck: note: the log system did not take this journal entry yet; it stays"
                        + " queued and the next KeyDeck run sends it.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
