package io.keydeck.gateway.http;

import io.keydeck.model.SecretRedactor;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.keydeck.gateway.AdminToken;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.GatewayException.Kind;
import io.keydeck.gateway.GatewayTarget;
import io.keydeck.model.BaseUrlPolicy;
import io.keydeck.model.RateLimitStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLException;

/**
 * The one way drivers talk HTTP, so every gateway gets the same safety: the transport policy
 * (plain http only to loopback), redirects that never carry the token to another origin, bounded
 * retries that never repeat a create without an {@code Idempotency-Key}, request-id and rate-limit
 * capture, readable errors and redacted debug logging. Drivers add only paths and JSON mapping.
 *
 * <p>Retries: 429/502/503/504 and connection failures are retried for every request except a POST
 * without an idempotency key; 500, read timeouts and dropped connections only for GET, DELETE and
 * POSTs that carry an idempotency key (a PATCH may already have been applied).
 */
public final class GatewayHttp {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayHttp.class);
    private static final int MAX_REDIRECTS = 5;
    private static final int MAX_ERROR_BODY = 16 * 1024;

    private final URI baseUrl;
    private final Origin baseOrigin;
    private final AdminToken token;
    private final AuthScheme auth;
    private final HttpOptions options;
    private final HttpClient client;
    private final AtomicReference<RateLimitStatus> lastRateLimit = new AtomicReference<>();
    /** Per thread, so two calls at once on one connection never hand each other's id to the journal. */
    private final ThreadLocal<String> lastRequestId = new ThreadLocal<>();

    /** Refuses with {@link Kind#POLICY} a base URL that {@link BaseUrlPolicy} rejects; sends nothing. */
    public GatewayHttp(GatewayTarget target, AuthScheme auth, HttpOptions options) throws GatewayException {
        Optional<String> problem = BaseUrlPolicy.problem(target.baseUrl());
        if (problem.isPresent()) {
            throw new GatewayException(Kind.POLICY, 0, "insecure_url", problem.get(), null);
        }
        String base = target.baseUrl().toString();
        this.baseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.baseOrigin = Origin.of(baseUrl);
        this.token = target.token();
        this.auth = auth;
        this.options = options;
        this.client = HttpClient.newBuilder()
                .connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** The {@code X-RateLimit-*} headers of the latest answer that had any. */
    public Optional<RateLimitStatus> lastRateLimit() {
        return Optional.ofNullable(lastRateLimit.get());
    }

    /** The {@code X-Request-ID} of the latest answer read on the calling thread. */
    public Optional<String> lastRequestId() {
        return Optional.ofNullable(lastRequestId.get());
    }

    public GatewayResponse<JsonNode> get(String path, Map<String, ?> query) throws GatewayException {
        return send("GET", path, query, null, null, JsonBodyReader.tree());
    }

    public <T> GatewayResponse<T> get(String path, Map<String, ?> query, JsonBodyReader<T> reader)
            throws GatewayException {
        return send("GET", path, query, null, null, reader);
    }

    /** A POST; it is retried only if {@code idempotencyKey} is set, and then with that same key. */
    public <T> GatewayResponse<T> post(String path, Object body, String idempotencyKey, JsonBodyReader<T> reader)
            throws GatewayException {
        return send("POST", path, null, body, idempotencyKey, reader);
    }

    public GatewayResponse<JsonNode> post(String path, Object body, String idempotencyKey) throws GatewayException {
        return post(path, body, idempotencyKey, JsonBodyReader.tree());
    }

    public GatewayResponse<JsonNode> patch(String path, Object body) throws GatewayException {
        return send("PATCH", path, null, body, null, JsonBodyReader.tree());
    }

    public GatewayResponse<JsonNode> delete(String path) throws GatewayException {
        return send("DELETE", path, null, null, null, JsonBodyReader.tree());
    }

    /** Percent-encodes one path segment or query value (e.g. a key id) so it cannot change the URL. */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private record Call(String method, URI uri, byte[] body, String idempotencyKey) {
        boolean replaySafe() {
            return !method.equals("POST") || idempotencyKey != null;
        }

        boolean idempotent() {
            return method.equals("GET") || method.equals("DELETE") || idempotencyKey != null;
        }

        String describe() {
            return method + " " + uri.getRawPath();
        }
    }

    public <T> GatewayResponse<T> send(String method, String path, Map<String, ?> query, Object body,
                                       String idempotencyKey, JsonBodyReader<T> reader) throws GatewayException {
        Call call = new Call(method, resolve(path, query), encode(body), idempotencyKey);
        RetryPolicy retry = options.retry();
        for (int attempt = 0; ; attempt++) {
            HttpResponse<InputStream> response;
            try {
                response = sendFollowingRedirects(call);
            } catch (IOException e) {
                boolean connectFailure = e instanceof ConnectException || e instanceof HttpConnectTimeoutException;
                boolean retryable = connectFailure ? call.replaySafe() : call.idempotent();
                GatewayException failure = networkFailure(call, e);
                if (attempt < retry.maxRetries() && retryable) {
                    pause(retry.delay(attempt, Optional.empty()), call, failure);
                    continue;
                }
                throw failure;
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return readBody(call, response, reader);
            }
            GatewayException failure = ErrorResponseParser.parse(status, response.headers(), readCapped(response));
            if (attempt < retry.maxRetries() && shouldRetry(call, status)) {
                Optional<Duration> retryAfter = retry.parseRetryAfter(
                        response.headers().firstValue("Retry-After").orElse(null));
                if (retryAfter.isPresent() && retryAfter.get().compareTo(retry.maxRetryAfter()) > 0) {
                    throw failure;
                }
                pause(retry.delay(attempt, retryAfter), call, failure);
                continue;
            }
            throw failure;
        }
    }

    private static boolean shouldRetry(Call call, int status) {
        return switch (status) {
            case 429, 502, 503, 504 -> call.replaySafe();
            case 500 -> call.idempotent();
            default -> false;
        };
    }

    private void pause(Duration delay, Call call, GatewayException cause) throws GatewayException {
        LOG.debug("{} failed ({}); retrying in {} ms", call.describe(), cause.getMessage(), delay.toMillis());
        try {
            options.retry().sleeper().sleep(delay);
        } catch (InterruptedException e) {
            throw cancelled(call, e);
        }
    }

    private HttpResponse<InputStream> sendFollowingRedirects(Call call) throws IOException, GatewayException {
        URI uri = call.uri();
        String method = call.method();
        byte[] body = call.body();
        boolean stillOnBaseOrigin = true;
        for (int hop = 0; ; hop++) {
            checkTransport(uri);
            stillOnBaseOrigin &= Origin.of(uri).equals(baseOrigin);
            HttpRequest request = buildRequest(method, uri, body, call.idempotencyKey(), stillOnBaseOrigin);
            long started = System.nanoTime();
            HttpResponse<InputStream> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                throw cancelled(call, e);
            }
            int status = response.statusCode();
            RateLimitHeaders.read(response.headers(), options.retry().clock().instant()).ifPresent(lastRateLimit::set);
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} {} -> {} in {} ms, request id {}", method, SecretRedactor.redact(uri.getRawPath()),
                        status, (System.nanoTime() - started) / 1_000_000,
                        ErrorResponseParser.requestIdHeader(response.headers()).orElse("-"));
            }
            if (!isRedirect(status)) {
                return response;
            }
            response.body().close();
            if (hop >= MAX_REDIRECTS) {
                throw new GatewayException(Kind.PROTOCOL, status, "too_many_redirects",
                        "The gateway redirected more than " + MAX_REDIRECTS + " times for " + call.describe() + ".",
                        ErrorResponseParser.requestIdHeader(response.headers()).orElse(null));
            }
            String location = response.headers().firstValue("Location").orElseThrow(() -> new GatewayException(
                    Kind.PROTOCOL, status, "redirect_without_location",
                    "The gateway answered HTTP " + status + " (redirect) without saying where to.", null));
            try {
                uri = uri.resolve(location.trim());
            } catch (IllegalArgumentException e) {
                throw new GatewayException(Kind.PROTOCOL, status, "bad_redirect",
                        "The gateway redirected to an invalid address.", null);
            }
            if (status == 303) {
                method = "GET";
                body = null;
            }
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** Per hop, so a redirect cannot lead the request to plain http on another machine. */
    private static void checkTransport(URI uri) throws GatewayException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean allowed = scheme.equals("https") || scheme.equals("http") && BaseUrlPolicy.isLoopback(uri.getHost());
        if (!allowed) {
            throw new GatewayException(Kind.POLICY, 0, "insecure_redirect",
                    "Refused to send a request to " + scheme + "://" + uri.getHost()
                            + ": only https:// (or http:// to this computer) is allowed.", null);
        }
    }

    private HttpRequest buildRequest(String method, URI uri, byte[] body, String idempotencyKey, boolean withAuth) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(options.requestTimeout())
                .header("Accept", "application/json")
                .header("User-Agent", options.userAgent());
        options.fixedHeaders().forEach(builder::header);
        if (withAuth) {
            builder.header(auth.headerName(), auth.headerValue(token));
        }
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        if (body != null) {
            builder.header("Content-Type", "application/json");
            builder.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    private <T> GatewayResponse<T> readBody(Call call, HttpResponse<InputStream> response, JsonBodyReader<T> reader)
            throws GatewayException {
        String requestId = ErrorResponseParser.requestIdHeader(response.headers()).orElse(null);
        lastRequestId.set(requestId);
        int status = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        try (InputStream in = response.body()) {
            if (contentType.contains("html")) {
                throw new GatewayException(Kind.PROTOCOL, status, "html_response",
                        ErrorResponseParser.htmlMessage(status, new String(in.readNBytes(MAX_ERROR_BODY),
                                StandardCharsets.UTF_8)), requestId);
            }
            try (JsonParser parser = GatewayJson.mapper().createParser(in)) {
                T value = reader.read(parser);
                return new GatewayResponse<>(status, response.headers(), value, requestId, lastRateLimit());
            }
        } catch (GatewayException e) {
            throw withRequestId(e, requestId);
        } catch (JsonProcessingException e) {
            throw new GatewayException(Kind.PROTOCOL, status, "malformed_json",
                    "The gateway's answer to " + call.describe() + " is not valid JSON: "
                            + SecretRedactor.redactAndShorten(e.getOriginalMessage(), 160)
                            + (e.getLocation() != null ? " (at character " + e.getLocation().getCharOffset() + ")" : "")
                            + ".", requestId, e);
        } catch (IOException e) {
            throw new GatewayException(Kind.NETWORK, status, "connection_dropped",
                    "The connection dropped while reading the gateway's answer to " + call.describe() + ".",
                    requestId, e);
        }
    }

    /** A reader's complaint names the answer's request id, which the reader itself never sees. */
    private static GatewayException withRequestId(GatewayException e, String requestId) {
        if (e.requestId() != null || requestId == null || e.getClass() != GatewayException.class) {
            return e;
        }
        return new GatewayException(e.kind(), e.httpStatus(), e.code(), e.getMessage(), requestId, e);
    }

    private static byte[] readCapped(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            return in.readNBytes(MAX_ERROR_BODY);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private GatewayException networkFailure(Call call, IOException e) {
        String where = call.uri().getHost() + (call.uri().getPort() > 0 ? ":" + call.uri().getPort() : "");
        if (e instanceof HttpConnectTimeoutException) {
            return new GatewayException(Kind.NETWORK, 0, "connect_timeout", "Could not connect to " + where
                    + " within " + options.connectTimeout().toSeconds() + " s.", null, e);
        }
        if (e instanceof HttpTimeoutException) {
            return new GatewayException(Kind.NETWORK, 0, "timeout", "The gateway at " + where
                    + " did not answer " + call.describe() + " within " + options.requestTimeout().toSeconds() + " s.",
                    null, e);
        }
        if (e instanceof ConnectException) {
            return new GatewayException(Kind.NETWORK, 0, "connection_failed", "Could not connect to " + where
                    + ": the connection was refused or the host is unreachable.", null, e);
        }
        if (e instanceof SSLException) {
            return new GatewayException(Kind.NETWORK, 0, "tls_failed", "The secure connection to " + where
                    + " failed: " + SecretRedactor.redactAndShorten(String.valueOf(e.getMessage()), 160), null, e);
        }
        return new GatewayException(Kind.NETWORK, 0, "connection_dropped", "The connection to " + where
                + " dropped before the gateway answered " + call.describe() + ".", null, e);
    }

    private static GatewayException cancelled(Call call, InterruptedException e) {
        Thread.currentThread().interrupt();
        return new GatewayException(Kind.NETWORK, 0, "cancelled", call.describe() + " was cancelled.", null, e);
    }

    private URI resolve(String path, Map<String, ?> query) {
        StringBuilder sb = new StringBuilder(baseUrl.toString());
        sb.append(path.startsWith("/") ? path : "/" + path);
        if (query != null && !query.isEmpty()) {
            StringJoiner joiner = new StringJoiner("&", "?", "");
            query.forEach((name, value) -> {
                if (value instanceof Iterable<?> values) {
                    values.forEach(v -> joiner.add(segment(name) + "=" + segment(v.toString())));
                } else if (value != null) {
                    joiner.add(segment(name) + "=" + segment(value.toString()));
                }
            });
            if (joiner.length() > 1) {
                sb.append(joiner);
            }
        }
        return URI.create(sb.toString());
    }

    private static byte[] encode(Object body) throws GatewayException {
        if (body == null) {
            return null;
        }
        try {
            return GatewayJson.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new GatewayException(Kind.PROTOCOL, 0, "unserializable_body",
                    "KeyDeck could not encode the request body.", null, e);
        }
    }

    /** Wipes the admin token this transport holds; a closed client sends no more requests. */
    public void close() {
        token.wipe();
    }
}
