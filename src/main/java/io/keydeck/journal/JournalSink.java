package io.keydeck.journal;

/**
 * Where each appended journal line goes besides the file, e.g. the team's log system. Called after the
 * line is written and the journal's lock released; it must return at once and never throw, so an
 * action is never held up or failed by forwarding.
 */
@FunctionalInterface
public interface JournalSink {
    /** {@code line} is the signed line exactly as written, without its newline. */
    void offer(byte[] line);

    /** Waits at most {@code timeout} for what was offered to be sent; true when nothing is left waiting. */
    default boolean awaitSent(java.time.Duration timeout) throws InterruptedException {
        return true;
    }

    /** Where entries go and how sending fares, when this sink sends them somewhere. */
    default java.util.Optional<ForwardingStatus> status() {
        return java.util.Optional.empty();
    }
}
