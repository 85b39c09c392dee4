package io.keydeck.gateway;

import java.time.Duration;

/**
 * Told each time the transport waits before asking a gateway again (a 429's {@code Retry-After},
 * back-off after a 503), so a wait is never silent: the CLI prints a line, the window its status line.
 */
@FunctionalInterface
public interface WaitListener {
    WaitListener NONE = (wait, reason) -> { };

    /** Ends what {@link #onThisThread(WaitListener)} began. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Tells {@code listener} too of the waits this thread takes until the scope closes: the window's
     * pool reports every wait on its status line, whichever connection's client waits.
     */
    static Scope onThisThread(WaitListener listener) {
        WaitListener before = ThreadWaits.CURRENT.get();
        ThreadWaits.CURRENT.set(listener == null ? NONE : listener);
        return () -> ThreadWaits.CURRENT.set(before);
    }

    /** The listener {@link #onThisThread} set for the calling thread, or {@link #NONE}. */
    static WaitListener ofThisThread() {
        return ThreadWaits.CURRENT.get();
    }

    /** Called on the calling thread just before a wait of {@code wait}; {@code reason} is one plain sentence. */
    void waiting(Duration wait, String reason);
}

/** The per-thread listener behind {@link WaitListener#onThisThread}. */
final class ThreadWaits {
    static final ThreadLocal<WaitListener> CURRENT = ThreadLocal.withInitial(() -> WaitListener.NONE);

    private ThreadWaits() {
    }
}
