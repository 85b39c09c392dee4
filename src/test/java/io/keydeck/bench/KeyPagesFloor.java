package io.keydeck.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The floor for loading keys: one keep-alive HTTP/1.1 client that asks for every page of a key listing
 * (1,000 keys a page, as KeyDeck's multiroute driver asks), reads each body to its end, keeps only the
 * next cursor and throws the rest away. No JSON parsing, no output: what the network and the server cost
 * plus a JVM start. Arguments: base URL; the admin token comes from {@code KD_TOKEN}. Prints on stderr
 * how many key objects went by ("N keys.", as {@code keys list} does), counted without parsing.
 */
public final class KeyPagesFloor {
    private static final byte[] CURSOR = "\"next_cursor\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ID = "{\"id\":\"".getBytes(StandardCharsets.US_ASCII);

    private KeyPagesFloor() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String token = System.getenv("KD_TOKEN");
        String cursor = null;
        long keys = 0;
        byte[] buffer = new byte[64 * 1024];
        do {
            URI uri = URI.create(args[0] + "/v1/api-keys?limit=1000" + (cursor == null ? "" : "&after=" + cursor));
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new IOException("status " + response.statusCode() + " for " + uri);
            }
            Scan scan = new Scan();
            try (InputStream body = response.body()) {
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
