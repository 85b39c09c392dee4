package io.keydeck.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * An executor that holds the work given to it until {@link #release()} (the window's first frame), then
 * hands it, and everything after, to the real one. Opening connections (the sandbox, HTTP clients, TLS)
 * and asking the OS keychain so run beside the building of the main window instead of delaying the
 * window's first frame.
 */
public final class WaitingForFirstFrame implements Executor {
    private final Executor target;
    private List<Runnable> held = new ArrayList<>();

    public WaitingForFirstFrame(Executor target) {
        this.target = target;
    }

    @Override
    public void execute(Runnable work) {
        synchronized (this) {
            if (held != null) {
                held.add(work);
                return;
            }
        }
        target.execute(work);
    }

    /** Hands the held work over in the order it came; from now on work goes straight through. */
    public void release() {
        List<Runnable> waiting;
        synchronized (this) {
            waiting = held;
            held = null;
        }
        if (waiting != null) {
            waiting.forEach(target::execute);
        }
    }
}
