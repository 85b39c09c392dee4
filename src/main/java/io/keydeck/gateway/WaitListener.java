package io.keydeck.gateway;

import java.time.Duration;

/**
 * Told each time the transport waits before asking a gateway again (a 429's {@code Retry-After},
 * back-off after a 503), so a wait is never silent: the CLI prints a line, the window its status line.
 */
@FunctionalInterface
public interface WaitListener {
    WaitListener NONE = (wait, reason) -> { };

    /** Called on the calling thread just before a wait of {@code wait}; {@code reason} is one plain sentence. */
    void waiting(Duration wait, String reason);
}
