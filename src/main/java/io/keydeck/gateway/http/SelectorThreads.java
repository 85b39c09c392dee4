package io.keydeck.gateway.http;

import java.net.http.HttpClient;

/**
 * Ends a JDK {@link HttpClient}'s selector thread when KeyDeck is done with the client. On Java 17 the
 * client has no {@code close()}, and its selector thread waits in native code until the client is
 * garbage-collected; while any thread waits in native code, {@code System.exit} waits 0.3 s for it, so
 * every command took 0.3 s longer than its work. The JDK names that thread
 * {@code HttpClient-<id>-SelectorManager}, with the id at the end of the client's {@code toString()}
 * (which the JDK's own tests rely on); interrupting it makes it leave its loop and shut the client down.
 * On a JDK whose client can be closed, it is closed instead.
 */
final class SelectorThreads {
    private static final long JOIN_MILLIS = 200;

    private SelectorThreads() {
    }

    static void stop(HttpClient client) {
        if (client instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // closing is best effort: the client is not used again either way
            }
            return;
        }
        String text = client.toString();
        int open = text.lastIndexOf('(');
        if (open < 0 || !text.endsWith(")")) {
            return;
        }
        String name = "HttpClient-" + text.substring(open + 1, text.length() - 1) + "-SelectorManager";
        Thread[] threads = new Thread[Thread.activeCount() + 16];
        int count = Thread.enumerate(threads);
        for (int i = 0; i < count; i++) {
            if (threads[i].getName().equals(name)) {
                threads[i].interrupt();
                try {
                    threads[i].join(JOIN_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
