package io.keydeck.gateway;

import java.util.function.BooleanSupplier;

/**
 * Says whether the work running on a thread was cancelled. The JDK's HTTP body stream swallows an
 * interrupt, so a cancelled task's thread would stay blocked in a stalled answer until the deadline;
 * the transport polls this signal instead and hangs up as soon as it turns true.
 */
public final class CancelSignal {
    private static final ThreadLocal<BooleanSupplier> CURRENT = ThreadLocal.withInitial(() -> () -> false);

    private CancelSignal() {
    }

    /** Ends what {@link #onThisThread} began. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** Until the scope closes, gateway calls on this thread end when {@code cancelled} turns true. */
    public static Scope onThisThread(BooleanSupplier cancelled) {
        BooleanSupplier before = CURRENT.get();
        CURRENT.set(cancelled);
        return () -> CURRENT.set(before);
    }

    /** The signal of the calling thread: its interrupt flag, or what {@link #onThisThread} set. */
    public static BooleanSupplier ofThisThread() {
        BooleanSupplier set = CURRENT.get();
        Thread thread = Thread.currentThread();
        return () -> thread.isInterrupted() || set.getAsBoolean();
    }
}
