package io.keydeck.gateway.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A scripted HTTP server on 127.0.0.1 for transport and driver tests: it answers with the queued
 * replies in order and records every request it saw (method, path, query, headers, body).
 */
public final class FixtureServer implements AutoCloseable {

    /** One request as the server saw it; {@code path} is raw (still percent-encoded). */
    public record Recorded(String method, String path, String query, Map<String, List<String>> headers, String body) {
        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst();
        }
    }

    /** One scripted answer. */
    public record Reply(int status, Map<String, String> headers, byte[] body) {
        public static Reply json(int status, String json) {
            return new Reply(status, Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
        }

        public static Reply text(int status, String contentType, String text) {
            return new Reply(status, Map.of("Content-Type", contentType), text.getBytes(StandardCharsets.UTF_8));
        }

        public static Reply redirect(int status, String location) {
            return new Reply(status, Map.of("Location", location), new byte[0]);
        }

        /** Closes the connection without any answer, as a crashing proxy would. */
        public static Reply drop() {
            return new Reply(-1, Map.of(), new byte[0]);
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> copy = new LinkedHashMap<>(headers);
            copy.put(name, value);
            return new Reply(status, copy, body);
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
    private final List<Recorded> requests = Collections.synchronizedList(new ArrayList<>());

    private FixtureServer(HttpServer server) {
        this.server = server;
    }

    public static FixtureServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        FixtureServer fixture = new FixtureServer(server);
        server.createContext("/", fixture::handle);
        server.start();
        return fixture;
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public FixtureServer enqueue(Reply... next) {
        replies.addAll(List.of(next));
        return this;
    }

    public List<Recorded> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body));
            Reply reply = replies.poll();
            if (reply == null) {
                reply = Reply.json(599, "{\"error\":{\"message\":\"no scripted reply left\"}}");
            }
            if (reply.status() < 0) {
                throw new IOException("fixture drops this connection");
            }
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            if (reply.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply.body());
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
