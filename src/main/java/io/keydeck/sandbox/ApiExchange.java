package io.keydeck.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * One request and its answer. Every answer it sends — success, error or injected fault — carries
 * {@code X-Request-ID} and the {@code X-RateLimit-*} headers.
 */
final class ApiExchange {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 1 << 20;

    private final HttpExchange http;
    private final String requestId;
    private final Map<String, String> query;
    private RateLimiter.Decision rate;
    private String clientIp;

    ApiExchange(HttpExchange http, String requestId) {
        this.http = http;
        this.requestId = requestId;
        this.query = parseQuery(http.getRequestURI().getRawQuery());
    }

    String requestId() {
        return requestId;
    }

    String method() {
        return http.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
    }

    String path() {
        return http.getRequestURI().getPath();
    }

    String header(String name) {
        return http.getRequestHeaders().getFirst(name);
    }

    String query(String name) {
        String v = query.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    void setRate(RateLimiter.Decision decision) {
        this.rate = decision;
    }

    /**
     * The caller's address. {@code X-Sandbox-Client-IP} may override it: honoured only because the
     * server listens on loopback, so it lets the simulator look like many clients.
     */
    String clientIp() {
        if (clientIp == null) {
            String override = header("X-Sandbox-Client-IP");
            clientIp = override != null && override.matches("[0-9A-Fa-f:.]{2,45}") ? override
                    : http.getRemoteAddress().getAddress().getHostAddress();
        }
        return clientIp;
    }

    /** The bearer token, or null when there is no {@code Authorization} header at all. */
    String bearerToken() {
        String auth = header("Authorization");
        if (auth == null || auth.isBlank()) {
            return null;
        }
        String trimmed = auth.trim();
        if (trimmed.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return trimmed.substring(7).trim();
        }
        return trimmed;
    }

    /** The request body as JSON; a body that is not JSON is a 400. */
    JsonNode jsonBody() throws IOException {
        byte[] bytes;
        try (InputStream in = http.getRequestBody()) {
            bytes = in.readNBytes(MAX_BODY + 1);
        }
        if (bytes.length > MAX_BODY) {
            throw ApiError.badRequest("Request body is larger than 1 MiB.");
        }
        if (bytes.length == 0) {
            throw ApiError.badRequest("Request body is empty; send a JSON object.");
        }
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw ApiError.badRequest("Request body must be a JSON object.");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("Request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    void sendJson(int status, JsonNode body) throws IOException {
        send(status, "application/json", JSON.writeValueAsBytes(body));
    }

    void sendError(ApiError error) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode e = root.putObject("error");
        e.put("type", error.type());
        e.put("code", error.code());
        e.put("message", error.getMessage());
        e.put("request_id", requestId);
        if (error.retryAfterSeconds() >= 0) {
            http.getResponseHeaders().set("Retry-After", Long.toString(error.retryAfterSeconds()));
        }
        sendJson(error.status(), root);
    }

    void send(int status, String contentType, byte[] body) throws IOException {
        commonHeaders(contentType);
        http.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(body);
        }
    }

    /** Starts a chunked 200 answer written as it is generated; the caller closes the generator. */
    JsonGenerator streamJson() throws IOException {
        commonHeaders("application/json");
        http.sendResponseHeaders(200, 0);
        return JSON.getFactory().createGenerator(new BufferedOutputStream(http.getResponseBody(), 1 << 16));
    }

    void setHeader(String name, String value) {
        http.getResponseHeaders().set(name, value);
    }

    /** Closes the connection without any answer. */
    void drop() {
        http.close();
    }

    void close() {
        http.close();
    }

    private void commonHeaders(String contentType) {
        Headers h = http.getResponseHeaders();
        h.set("Content-Type", contentType.startsWith("text/") ? contentType + "; charset=utf-8" : contentType);
        h.set("X-Request-ID", requestId);
        h.set("Cache-Control", "no-store");
        if (rate != null) {
            h.set("X-RateLimit-Limit", Integer.toString(rate.limit()));
            h.set("X-RateLimit-Remaining", Integer.toString(rate.remaining()));
            h.set("X-RateLimit-Reset", Long.toString(rate.resetEpochSecond()));
        }
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(name, value);
        }
        return params;
    }
}
