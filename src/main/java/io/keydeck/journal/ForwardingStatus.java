package io.keydeck.journal;

import java.time.Instant;
import java.util.Optional;

/**
 * How forwarding to the team's log system fares, for the journal view: so a user sees at a glance
 * whether entries leave this machine or pile up in the queue.
 *
 * @param destination e.g. "syslog over TLS to logs.example:6514", or "off"
 * @param sent        entries sent since this forwarder started
 * @param queued      entries waiting in the spool (-1 when it cannot be read)
 * @param lastProblem why the last attempt failed; empty after a success
 * @param lastSent    when entries last went out
 */
public record ForwardingStatus(String destination, long sent, int queued, String lastProblem,
                               Optional<Instant> lastSent) {
    public static final ForwardingStatus OFF = new ForwardingStatus("off", 0, 0, "", Optional.empty());

    public boolean on() {
        return !"off".equals(destination);
    }
}
