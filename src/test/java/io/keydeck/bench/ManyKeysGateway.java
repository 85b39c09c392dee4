package io.keydeck.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A key listing of any size that costs the server next to nothing: key {@code i} is made from {@code i}
 * when its page is asked for, with the fields of the sandbox's key object (DESIGN.md §3), so the client
 * side of a 1,000,000-key listing can be measured (and its memory tested) without a gateway holding a
 * million keys. Speaks only {@code GET /v1/api-keys} ({@code limit}, {@code after} = the next index);
 * every other path answers an empty list. Keep-alive HTTP/1.1 on 127.0.0.1.
 */
public final class ManyKeysGateway implements AutoCloseable {
    private static final int MAX_PAGE = 1000;
    private final int keys;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "many-keys");
        t.setDaemon(true);
        return t;
    });

    public ManyKeysGateway(int keys) throws IOException {
        this.keys = keys;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", this::answer);
        server.setExecutor(executor);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The id of key {@code i}, as listed. */
    public static String id(int i) {
        return String.format("key_%08d", i);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.startsWith("Bearer ")) {
                send(exchange, 401, "{\"error\":{\"type\":\"authentication_error\",\"code\":\"missing_api_key\","
                        + "\"message\":\"No API key.\",\"request_id\":\"req_1\"}}");
                return;
            }
            if (!exchange.getRequestURI().getPath().equals("/v1/api-keys")) {
                send(exchange, 200, "{\"data\":[]}");
                return;
            }
            String query = exchange.getRequestURI().getRawQuery();
            int limit = Math.min(MAX_PAGE, parameter(query, "limit", 100));
            int from = parameter(query, "after", 0);
            int to = Math.min(keys, from + limit);
            StringBuilder page = new StringBuilder(to > from ? (to - from) * 420 : 64).append("{\"data\":[");
            for (int i = from; i < to; i++) {
                key(page.append(i == from ? "" : ","), i);
            }
            page.append("],\"has_more\":").append(to < keys).append(",\"next_cursor\":")
                    .append(to < keys ? "\"" + to + "\"" : "null").append('}');
            send(exchange, 200, page.toString());
        }
    }

    private static void key(StringBuilder out, int i) {
        int day = 1 + i % 28;
        out.append("{\"id\":\"").append(id(i)).append("\",\"name\":\"service-").append(i % 97).append("-worker-")
                .append(i).append("\",\"prefix\":\"").append(i % 3 == 0 ? "mrk_test_" : "mrk_live_")
                .append("\",\"last_four\":\"").append(String.format("%04d", i % 10_000))
                .append("\",\"environment\":\"").append(i % 3 == 0 ? "test" : "live")
                .append("\",\"scopes\":[\"chat:write\",\"usage:read\"],\"created_at\":\"2026-10-")
                .append(day < 10 ? "0" : "").append(day).append("T08:00:00Z\",\"last_used_at\":")
                .append(i % 5 == 0 ? "null" : "\"2026-11-" + (day < 10 ? "0" : "") + day + "T12:30:00Z\"")
                .append(",\"last_used_ip\":").append(i % 5 == 0 ? "null" : "\"10.0." + (i % 250) + ".7\"")
                .append(",\"expires_at\":null,\"revoked\":false,\"revoked_at\":null,\"disabled\":false}");
    }

    private static int parameter(String query, String name, int fallback) {
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith(name + "=")) {
                    try {
                        return Integer.parseInt(pair.substring(name.length() + 1));
                    } catch (NumberFormatException e) {
                        return fallback;
                    }
                }
            }
        }
        return fallback;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("X-Request-ID", "req_many");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** {@code ManyKeysGateway N}: serves N keys until killed, after printing its base URL (for scripts/bench.sh). */
    public static void main(String[] args) throws Exception {
        ManyKeysGateway gateway = new ManyKeysGateway(Integer.parseInt(args[0]));
        System.out.println(gateway.baseUrl());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
