package io.keydeck.journal;

/**
 * Where and why the journal's hash chain stops holding, as {@code journal verify} reports it.
 *
 * @param line    1-based line number of the first line that cannot be trusted (for a cut tail, the
 *                line after the last one)
 * @param message a sentence for the user naming the line and what happened to it
 */
public record ChainBreak(int line, Reason reason, String message) {

    /** What was done to the file, as far as the chain can tell. */
    public enum Reason {
        /** A line's content no longer matches its hash, or the next line's record of it. */
        EDITED,
        /** One or more lines are missing: the sequence number jumps. */
        DELETED,
        /** A line repeats or goes back in the sequence. */
        INSERTED,
        /** A line is not a journal entry (not JSON, or fields missing). */
        MALFORMED,
        /** The last line is incomplete: a write was cut short. */
        TORN,
        /** Entries are all there but out of order (e.g. two lines swapped). */
        REORDERED,
        /** A line's hash was recomputed to fit its changed content, but its signature does not match. */
        REWRITTEN,
        /** The file ends before the entry the anchor in the keychain recorded: its tail was cut, or it was emptied. */
        TRUNCATED,
        /** The file is not this install's journal: signed by another key, or not the entry the anchor recorded. */
        REPLACED,
        /** An unsigned line where lines must be signed: inserted, or its signature stripped. */
        UNSIGNED
    }
}
