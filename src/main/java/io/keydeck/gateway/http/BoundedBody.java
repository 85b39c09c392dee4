package io.keydeck.gateway.http;

import io.keydeck.gateway.CancelSignal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * An answer body read under the operation's deadline and size cap. The JDK client's timeout ends
 * when the headers arrive, so a body that stalls halfway would block a read forever: at the
 * deadline a watchdog closes the stream, which ends the blocked read, and {@link #expired()} tells
 * the reader why. More than {@code maxBytes} ends with {@link TooLarge} before the excess is read.
 * A blocked read of the JDK's body stream swallows an interrupt, so the watchdog also closes the
 * stream when the reading thread's {@link CancelSignal} says its work was cancelled: Cancel hangs up, and
 * {@link #cancelled()} tells the reader why.
 */
final class BoundedBody extends FilterInputStream {
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "keydeck-gateway-deadline");
        t.setDaemon(true);
        return t;
    });

    /** The answer went past the cap; nothing beyond it was read. */
    static final class TooLarge extends IOException {
        TooLarge(long max) {
            super("answer larger than " + max + " bytes", null);
        }
    }

    private final long maxBytes;
    private static final long INTERRUPT_POLL_MILLIS = 200;

    private final ScheduledFuture<?> alarm;
    private final ScheduledFuture<?> interruptWatch;
    private final BooleanSupplier readerCancelled = CancelSignal.ofThisThread();
    private volatile boolean expired;
    private volatile boolean cancelled;
    private long count;

    /** {@code remainingNanos}: time left of the operation's deadline; at or below 0 the body is expired at once. */
    BoundedBody(InputStream in, long maxBytes, long remainingNanos) {
        super(in);
        this.maxBytes = maxBytes;
        this.alarm = WATCHDOG.schedule(this::expire, Math.max(0, remainingNanos), TimeUnit.NANOSECONDS);
        this.interruptWatch = WATCHDOG.scheduleWithFixedDelay(this::closeIfInterrupted, INTERRUPT_POLL_MILLIS,
                INTERRUPT_POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void closeIfInterrupted() {
        if (!cancelled && readerCancelled.getAsBoolean()) {
            cancelled = true;
            endBlockedRead();
        }
    }

    /** True when the reading thread was interrupted (its task cancelled) and the body closed for that. */
    boolean cancelled() {
        return cancelled;
    }

    private void expire() {
        expired = true;
        endBlockedRead();
    }

    private void endBlockedRead() {
        try {
            in.close();
        } catch (IOException ignored) {
            // closing is how the blocked read is ended; a failure to close changes nothing more
        }
    }

    /** True when the deadline passed while the body was being read. */
    boolean expired() {
        return expired;
    }

    /** Bytes read so far. */
    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        checkCap(1);
        int b = in.read();
        if (b >= 0) {
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        checkCap(len);
        int n = in.read(b, off, (int) Math.min(len, maxBytes - count + 1));
        if (n > 0) {
            count += n;
        }
        checkCap(0);
        return n;
    }

    private void checkCap(int wanted) throws IOException {
        if (count > maxBytes) {
            throw new TooLarge(maxBytes);
        }
        if (expired && wanted > 0) {
            throw new IOException("deadline passed");
        }
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[(int) Math.min(n, 8192)];
        int read = read(buffer, 0, buffer.length);
        return Math.max(0, read);
    }

    @Override
    public void close() throws IOException {
        alarm.cancel(false);
        interruptWatch.cancel(false);
        super.close();
    }
}
