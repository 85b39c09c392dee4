package io.keydeck.journal;

import io.keydeck.settings.JournalForwarding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Forwarding as this install's settings say, changeable while the app runs (the window's forwarding
 * form): each change starts a {@link LogForwarder} for the new target over the same spool, then lets the old
 * one put what it was offered into the spool and stop, so what is still queued goes to the new destination. Off: entries are not queued at all.
 */
final class ConfiguredForwarding implements JournalSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredForwarding.class);

    private final Path dataDir;
    private final JournalKeyring tokens;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private volatile LogForwarder current;
    private volatile String settingsProblem = "";

    ConfiguredForwarding(Path dataDir, JournalKeyring tokens, Duration firstRetry, Duration maxRetry) {
        this.dataDir = dataDir;
        this.tokens = tokens;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
    }

    /**
     * Forwards as {@code settings} say from now on.
     *
     * @throws IllegalArgumentException with a sentence naming what is wrong; forwarding is then unchanged
     */
    synchronized void change(JournalForwarding settings) {
        Optional<ForwardingTarget> target = ForwardingTarget.from(settings);
        LogForwarder next = target.map(t -> LogForwarder.start(t, tokens, dataDir, firstRetry, maxRetry)).orElse(null);
        LogForwarder old = current;
        current = next;
        settingsProblem = "";
        if (old != null) {
            try {
                old.closeAfterQueueing(Duration.ofSeconds(20));
            } catch (InterruptedException e) {
                old.close();
                Thread.currentThread().interrupt();
            }
            if (next != null) {
                // the old one may have spooled what it was offered after the new one's first drain
                next.drainSoon();
            }
        }
        LOG.info("Journal forwarding: {}", target.map(ForwardingTarget::describe).orElse("off"));
    }

    /** As {@link #change}, but a bad setting turns forwarding off and is shown in {@link #status()}. */
    synchronized void changeOrReport(JournalForwarding settings) {
        try {
            change(settings);
        } catch (IllegalArgumentException e) {
            change(JournalForwarding.OFF);
            settingsProblem = e.getMessage();
            LOG.warn("Journal entries are not forwarded: {}", e.getMessage());
        }
    }

    @Override
    public void offer(byte[] line) {
        LogForwarder forwarder = current;
        if (forwarder != null) {
            forwarder.offer(line);
        }
    }

    @Override
    public boolean awaitSent(Duration timeout) throws InterruptedException {
        LogForwarder forwarder = current;
        return forwarder == null || forwarder.awaitSent(timeout);
    }

    @Override
    public Optional<ForwardingStatus> status() {
        LogForwarder forwarder = current;
        if (forwarder == null) {
            return Optional.of(new ForwardingStatus("off", 0, 0, settingsProblem, Optional.empty()));
        }
        return forwarder.status();
    }

    @Override
    public synchronized void close() {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
