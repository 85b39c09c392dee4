package io.keydeck.hostile;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A gateway that misbehaves on purpose, one way per {@link Mode}: the rows of issue 16's table.
 * A raw {@link ServerSocket} on 127.0.0.1, so it can do what no well-behaved HTTP server library
 * would (stall mid-body, dribble headers, drop a connection after committing a create). It speaks
 * just enough of the MultiRoute protocol (DESIGN.md §3) for {@code keys list}, {@code keys create}
 * and {@code report}. Run it alone with {@link #main} to measure the standalone jar against it.
 */
public final class HostileGateway implements Closeable {

    /** What the gateway does wrong. */
    public enum Mode {
        /** Headers promising 1,000 bytes, 23 of them, then nothing. */
        STALLED_BODY,
        /** A key page far larger than asked for: keys without end until 1 GB. */
        HUGE_PAGE,
        /** A chunked body that never ends (one endless JSON string). */
        ENDLESS_BODY,
        /** Empty pages, each with a fresh cursor and {@code has_more: true}, forever. */
        EMPTY_PAGES,
        /** {@code 429} with {@code Retry-After: 60} (or {@link #retryAfter}'s seconds) on every answer. */
        RETRY_AFTER,
        /** The status line, then one header byte every half second, forever. */
        SLOW_HEADERS,
        /** ESC/BEL sequences in key ids, prefixes and names. */
        CONTROL_TEXT,
        /** ESC/BEL sequences in an error message and request id. */
        CONTROL_ERROR,
        /** 100,000 keys, one with a 10 kB name. */
        LONG_NAME,
        /** C1 controls and U+202E in names. */
        C1_BIDI,
        /** Commits every create (idempotently), then drops the connection instead of answering. */
        DROP_AFTER_CREATE,
        /** Answers a create with the secret, but {@code created_at} is not a time. */
        CREATE_BAD_FIELD
    }

    static final String HOSTILE = "\\u001b]0;pwned\\u0007\\u001b[2J\\u001b[31m";
    static final String C1_BIDI_TEXT = "\\u009b2J\\u0085\\u009dx\\u202Egnp.exe\\u2066";
    private static final int LONG_NAME_KEYS = 100_000;
    private static final long HUGE_BYTES = 1L << 30;

    private final Mode mode;
    private final ServerSocket server;
    private final Thread acceptor;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final List<Socket> open = new ArrayList<>();
    private final List<String> createdKeys = new ArrayList<>();
    private final Map<String, String> byIdempotencyKey = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> paths = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<String> hungUpPaths = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile int retryAfterSeconds = 60;

    public HostileGateway(Mode mode) throws IOException {
        this.mode = mode;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "hostile-" + mode.name().toLowerCase(Locale.ROOT));
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Requests for {@code path} received so far. */
    public int requests(String path) {
        return (int) paths.stream().filter(path::equals).count();
    }

    /** Requests received so far. */
    public int requests() {
        return requests.get();
    }

    /** The paths of stalled answers whose client hung up (closed or reset the connection) mid-body. */
    public List<String> hungUpPaths() {
        return List.copyOf(hungUpPaths);
    }

    /** For {@link Mode#RETRY_AFTER}: the seconds each answer asks the client to wait (60 unless set). */
    public HostileGateway retryAfter(int seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    /** Keys this gateway committed through create. */
    public synchronized int createdKeys() {
        return createdKeys.size();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                synchronized (open) {
                    open.add(socket);
                }
                Thread t = new Thread(() -> serve(socket), "hostile-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private record Request(String method, String path, Map<String, String> query, Map<String, String> headers,
                           String body) {
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            Request request = read(in);
            if (request == null) {
                return;
            }
            requests.incrementAndGet();
            paths.add(request.path);
            answer(request, socket, out);
            out.flush();
        } catch (IOException | InterruptedException e) {
            // the client hung up: expected for most of these modes
        }
    }

    private void answer(Request r, Socket socket, OutputStream out) throws IOException, InterruptedException {
        boolean keys = r.path.equals("/v1/api-keys");
        switch (mode) {
            case STALLED_BODY -> {
                head(out, 200, "Content-Length: 1000\r\n");
                out.write("{\"data\":[{\"id\":\"key_1\",".getBytes(StandardCharsets.UTF_8));
                out.flush();
                awaitHangUp(socket, r.path);
            }
            case HUGE_PAGE -> {
                if (!keys) {
                    json(out, 200, "{\"data\":[]}");
                    return;
                }
                head(out, 200, "Connection: close\r\n");
                out.write("{\"data\":[".getBytes(StandardCharsets.UTF_8));
                long sent = 0;
                for (int i = 0; sent < HUGE_BYTES; i++) {
                    byte[] key = ((i == 0 ? "" : ",") + key("key_" + i, "flood-" + i, "mrk_live_", "abcd", null))
                            .getBytes(StandardCharsets.UTF_8);
                    out.write(key);
                    sent += key.length;
                }
                out.write("],\"has_more\":false}".getBytes(StandardCharsets.UTF_8));
            }
            case ENDLESS_BODY -> {
                head(out, 200, "Transfer-Encoding: chunked\r\n");
                chunk(out, "{\"data\":[{\"id\":\"key_1\",\"name\":\"");
                String filler = "x".repeat(8192);
                while (true) {
                    chunk(out, filler);
                }
            }
            case EMPTY_PAGES -> json(out, 200, "{\"data\":[],\"has_more\":true,\"next_cursor\":\"c" + requests.get()
                    + "\"}");
            case RETRY_AFTER -> {
                byte[] body = error("rate_limit_error", "rate_limit_exceeded", "Slow down.", "req_429")
                        .getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/json\r\nRetry-After: "
                        + retryAfterSeconds + "\r\n"
                        + "X-Request-ID: req_429\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.write(body);
            }
            case SLOW_HEADERS -> {
                out.write("HTTP/1.1 200 OK\r\nX-Slow: ".getBytes(StandardCharsets.UTF_8));
                while (!stopped.await(500, TimeUnit.MILLISECONDS)) {
                    out.write('a');
                    out.flush();
                }
            }
            case CONTROL_TEXT -> json(out, 200, keys ? "{\"data\":[" + key("key_" + HOSTILE, "name" + HOSTILE,
                    "mrk_live_" + HOSTILE, "ab" + HOSTILE, null) + "],\"has_more\":false}" : "{\"data\":[]}");
            case CONTROL_ERROR -> json(out, 400, error("invalid_request_error", "bad" + HOSTILE,
                    "Refused" + HOSTILE + " because", "req_" + HOSTILE));
            case C1_BIDI -> json(out, 200, keys ? "{\"data\":[" + key("key_" + C1_BIDI_TEXT, "name" + C1_BIDI_TEXT,
                    "mrk_live_", "ab" + C1_BIDI_TEXT, null) + "],\"has_more\":false}" : "{\"data\":[]}");
            case LONG_NAME -> {
                if (!keys) {
                    json(out, 200, "{\"data\":[]}");
                    return;
                }
                int limit = Integer.parseInt(r.query.getOrDefault("limit", "100"));
                int from = Integer.parseInt(r.query.getOrDefault("after", "0"));
                int to = Math.min(LONG_NAME_KEYS, from + limit);
                StringBuilder page = new StringBuilder("{\"data\":[");
                for (int i = from; i < to; i++) {
                    page.append(i == from ? "" : ",").append(key("key_" + i, i == LONG_NAME_KEYS / 2
                            ? "long-" + "n".repeat(10_000) : "key-" + i, "mrk_live_", String.format("%04d", i % 10_000), null));
                }
                page.append("],\"has_more\":").append(to < LONG_NAME_KEYS).append(",\"next_cursor\":\"").append(to).append("\"}");
                json(out, 200, page.toString());
            }
            case DROP_AFTER_CREATE -> {
                if (r.method.equals("POST") && keys) {
                    String name = field(r.body, "name");
                    synchronized (this) {
                        byIdempotencyKey.computeIfAbsent(r.headers.getOrDefault("idempotency-key", "-" + requests.get()),
                                k -> {
                                    String created = key("key_lost_" + (createdKeys.size() + 1), name, "mrk_live_",
                                            "wxyz", Instant.now().toString());
                                    createdKeys.add(created);
                                    return created;
                                });
                    }
                    socket.setSoLinger(true, 0);
                    socket.close();
                    return;
                }
                synchronized (this) {
                    json(out, 200, keys ? "{\"data\":[" + String.join(",", createdKeys) + "],\"has_more\":false}"
                            : "{\"data\":[]}");
                }
            }
            case CREATE_BAD_FIELD -> {
                if (r.method.equals("POST") && keys) {
                    String name = field(r.body, "name");
                    String key = key("key_odd_1", name, "mrk_live_", "Zq9X", null);
                    json(out, 201, key.substring(0, key.length() - 1)
                            + ",\"created_at\":\"sometime last week\",\"secret\":\"mrk_live_Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4Zq9X\"}");
                } else {
                    json(out, 200, "{\"data\":[]}");
                }
            }
            default -> throw new IllegalStateException(mode.name());
        }
    }

    /** Blocks until the client closes or resets the connection (counted) or this gateway stops. */
    private void awaitHangUp(Socket socket, String path) throws IOException {
        try {
            if (socket.getInputStream().read() < 0) {
                hungUpPaths.add(path);
            }
        } catch (IOException e) {
            if (!server.isClosed()) {
                hungUpPaths.add(path);
            }
            throw e;
        }
    }

    private static String key(String id, String name, String prefix, String lastFour, String createdAt) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"prefix\":\"" + prefix + "\",\"last_four\":\""
                + lastFour + "\",\"environment\":\"live\",\"scopes\":[\"chat:write\"]"
                + (createdAt == null ? "" : ",\"created_at\":\"" + createdAt + "\"") + ",\"revoked\":false}";
    }

    private static String error(String type, String code, String message, String requestId) {
        return "{\"error\":{\"type\":\"" + type + "\",\"code\":\"" + code + "\",\"message\":\"" + message
                + "\",\"request_id\":\"" + requestId + "\"}}";
    }

    /** A string field of a small request body, good enough for the create's {@code name}. */
    private static String field(String body, String name) {
        int at = body.indexOf("\"" + name + "\":\"");
        if (at < 0) {
            return "";
        }
        int start = at + name.length() + 4;
        return body.substring(start, body.indexOf('"', start));
    }

    private static void head(OutputStream out, int status, String extra) throws IOException {
        out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nX-Request-ID: req_hostile\r\n"
                + extra + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void json(OutputStream out, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        head(out, status, "Content-Length: " + bytes.length + "\r\nConnection: close\r\n");
        out.write(bytes);
    }

    private static void chunk(OutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static Request read(InputStream in) throws IOException {
        String line = line(in);
        if (line == null || line.isEmpty()) {
            return null;
        }
        String[] parts = line.split(" ");
        Map<String, String> headers = new HashMap<>();
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.put(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
            }
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        String target = parts.length > 1 ? parts[1] : "/";
        int q = target.indexOf('?');
        Map<String, String> query = new HashMap<>();
        if (q >= 0) {
            for (String pair : target.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return new Request(parts[0], q >= 0 ? target.substring(0, q) : target, query, headers, body);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                String s = bytes.toString(StandardCharsets.UTF_8);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            bytes.write(b);
        }
        return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        stopped.countDown();
        server.close();
        synchronized (open) {
            for (Socket s : open) {
                s.close();
            }
        }
    }

    /** {@code HostileGateway MODE}: serves until killed and prints its base URL, for measuring the jar by hand. */
    public static void main(String[] args) throws Exception {
        HostileGateway gateway = new HostileGateway(Mode.valueOf(args[0]));
        System.out.println(gateway.baseUrl());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
