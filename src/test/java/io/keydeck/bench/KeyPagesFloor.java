package io.keydeck.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * The floor for loading keys: one keep-alive HTTP/1.1 connection that asks for every page of a key listing
 * (1,000 keys a page, as KeyDeck's multiroute driver asks), reads each body to its end, keeps only the
 * next cursor and throws the rest away. No JSON parsing, no output: what the network and the server cost
 * plus a JVM start. It uses the JDK's {@link HttpURLConnection}, the leanest client in the JDK: no selector
 * thread (which keeps a JVM's exit waiting 0.3 s) and nothing of TLS loaded for plain http. Arguments: base URL; the admin token comes from {@code KD_TOKEN}. Prints on stderr
 * how many key objects went by ("N keys.", as {@code keys list} does), counted without parsing.
 */
public final class KeyPagesFloor {
    private static final byte[] CURSOR = "\"next_cursor\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ID = "{\"id\":\"".getBytes(StandardCharsets.US_ASCII);

    private KeyPagesFloor() {
    }

    public static void main(String[] args) throws IOException {
        String token = System.getenv("KD_TOKEN");
        String cursor = null;
        long keys = 0;
        byte[] buffer = new byte[64 * 1024];
        do {
            URL url = URI.create(args[0] + "/v1/api-keys?limit=1000" + (cursor == null ? "" : "&after=" + cursor))
                    .toURL();
            HttpURLConnection connection = (HttpURLConnection) url.openConnection();
            connection.setRequestProperty("Authorization", "Bearer " + token);
            connection.setConnectTimeout(10_000);
            connection.setReadTimeout(60_000);
            if (connection.getResponseCode() != 200) {
                throw new IOException("status " + connection.getResponseCode() + " for " + url);
            }
            Scan scan = new Scan();
            try (InputStream body = connection.getInputStream()) { // read to its end: the connection is kept alive
                for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                    scan.feed(buffer, n);
                }
            }
            keys += scan.ids;
            cursor = scan.cursor();
        } while (cursor != null);
        System.err.println(keys + " keys.");
    }

    /** Counts key objects and picks up the next cursor across buffer boundaries, holding nothing else. */
    private static final class Scan {
        private int idMatch;
        private int cursorMatch;
        private StringBuilder cursor;
        private boolean cursorDone;
        long ids;

        void feed(byte[] bytes, int length) {
            for (int i = 0; i < length; i++) {
                byte b = bytes[i];
                if (cursor != null && !cursorDone) {
                    if (b == '"') {
                        cursorDone = true;
                    } else {
                        cursor.append((char) b);
                    }
                    continue;
                }
                idMatch = b == ID[idMatch] ? idMatch + 1 : b == ID[0] ? 1 : 0;
                if (idMatch == ID.length) {
                    ids++;
                    idMatch = 0;
                }
                cursorMatch = b == CURSOR[cursorMatch] ? cursorMatch + 1 : b == CURSOR[0] ? 1 : 0;
                if (cursorMatch == CURSOR.length) {
                    cursor = new StringBuilder();
                    cursorMatch = 0;
                }
            }
        }

        String cursor() {
            return cursor == null || cursor.isEmpty() ? null : cursor.toString();
        }
    }
}
