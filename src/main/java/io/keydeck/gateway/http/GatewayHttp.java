package io.keydeck.gateway.http;

import io.keydeck.model.SecretRedactor;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import io.keydeck.gateway.AdminToken;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.GatewayException.Kind;
import io.keydeck.gateway.GatewayLimits;
import io.keydeck.gateway.GatewayTarget;
import io.keydeck.gateway.WaitListener;
import io.keydeck.model.BaseUrlPolicy;
import io.keydeck.model.RateLimitStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
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
 *
 * <p>Bounds: one call — every attempt, wait and the whole answer body — ends within the target's
 * {@link GatewayLimits#deadline()}; an answer body larger than {@link GatewayLimits#maxAnswerBytes()}
 * is refused unread past the cap; a {@code Retry-After} longer than the time left is not waited for.
 * Every wait that is taken is told to the target's {@link WaitListener} first.
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
    private final GatewayLimits limits;
    private final WaitListener waits;
    private final Transports transports;
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
        this.limits = target.limits();
        this.waits = target.waits();
        this.transports = new Transports(options.connectTimeout());
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** The deadline and size bounds every call keeps. */
    public GatewayLimits limits() {
        return limits;
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

    private record Call(String method, URI uri, byte[] body, String idempotencyKey, long started, long deadline) {
        boolean replaySafe() {
            return !method.equals("POST") || idempotencyKey != null;
        }

        boolean idempotent() {
            return method.equals("GET") || method.equals("DELETE") || idempotencyKey != null;
        }

        String describe() {
            return method + " " + uri.getRawPath();
        }

        long remainingNanos() {
            return deadline - System.nanoTime();
        }

        long elapsedNanos() {
            return System.nanoTime() - started;
        }
    }

    public <T> GatewayResponse<T> send(String method, String path, Map<String, ?> query, Object body,
                                       String idempotencyKey, JsonBodyReader<T> reader) throws GatewayException {
        long started = System.nanoTime();
        Call call = new Call(method, resolve(path, query), encode(body), idempotencyKey, started,
                started + limits.deadline().toNanos());
        RetryPolicy retry = options.retry();
        for (int attempt = 0; ; attempt++) {
            HttpResponse<InputStream> response;
            long attemptStarted = System.nanoTime();
            try {
                response = sendFollowingRedirects(call);
            } catch (IOException e) {
                boolean connectFailure = e instanceof ConnectException || e instanceof HttpConnectTimeoutException;
                boolean retryable = connectFailure ? call.replaySafe() : call.idempotent();
                GatewayException failure = networkFailure(call, e, System.nanoTime() - attemptStarted, attempt);
                if (attempt < retry.maxRetries() && retryable) {
                    pause(retry.delay(attempt, Optional.empty()), call, failure, attempt);
                    continue;
                }
                throw failure;
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return readBody(call, response, reader);
            }
            GatewayException failure = ErrorResponseParser.parse(status, response.headers(), readCapped(call, response));
            Optional<Duration> retryAfter = retry.parseRetryAfter(
                    response.headers().firstValue("Retry-After").orElse(null));
            if (attempt < retry.maxRetries() && shouldRetry(call, status)) {
                if (retryAfter.isPresent() && (retryAfter.get().compareTo(retry.maxRetryAfter()) > 0
                        || retryAfter.get().toNanos() > call.remainingNanos())) {
                    throw notWaited(call, failure, retryAfter.get());
                }
                pause(retry.delay(attempt, retryAfter), call, failure, attempt);
                continue;
            }
            if (status == 429 && retryAfter.isPresent()) {
                throw notWaited(call, failure, retryAfter.get());
            }
            throw failure;
        }
    }

    /** A 429 whose wait KeyDeck does not take: says how long the gateway asked for, so the user can decide. */
    private GatewayException notWaited(Call call, GatewayException failure, Duration retryAfter) {
        long leftSeconds = Math.max(0, call.remainingNanos() / 1_000_000_000L);
        String message = "rate limited; the gateway asks to wait " + retryAfter.toSeconds() + " s"
                + (retryAfter.toNanos() > call.remainingNanos()
                ? " (longer than the " + leftSeconds + " s left of this operation's "
                + limits.deadline().toSeconds() + " s deadline)" : "")
                + ". Try " + call.describe() + " again later.";
        return new GatewayException(failure.kind() == Kind.RATE_LIMITED ? Kind.RATE_LIMITED : failure.kind(),
                failure.httpStatus(), failure.code(), message, failure.requestId(), failure, retryAfter);
    }

    private static boolean shouldRetry(Call call, int status) {
        return switch (status) {
            case 429, 502, 503, 504 -> call.replaySafe();
            case 500 -> call.idempotent();
            default -> false;
        };
    }

    private void pause(Duration delay, Call call, GatewayException cause, int attempt) throws GatewayException {
        if (delay.toNanos() >= call.remainingNanos()) {
            throw new GatewayException(cause.kind(), cause.httpStatus(), cause.code(), cause.getMessage()
                    + " Gave up after " + (attempt + 1) + (attempt == 0 ? " attempt" : " attempts") + " in "
                    + seconds(call.elapsedNanos()) + " (the deadline for one operation is "
                    + limits.deadline().toSeconds() + " s).", cause.requestId(), cause, cause.retryAfter().orElse(null));
        }
        String reason = "waiting " + seconds(delay.toNanos()) + " before trying " + call.describe()
                + " again (retry " + (attempt + 1) + " of " + options.retry().maxRetries() + "): "
                + (cause.httpStatus() == 429 ? "the gateway is rate limiting (HTTP 429)"
                : cause.httpStatus() > 0 ? "the gateway answered HTTP " + cause.httpStatus()
                : "timeout".equals(cause.code()) ? "the gateway did not answer in time"
                : "connection_dropped".equals(cause.code()) ? "the connection dropped"
                : "the connection failed") + ".";
        LOG.info("{} failed ({}); {}", call.describe(), cause.getMessage(), reason);
        waits.waiting(delay, reason);
        WaitListener.ofThisThread().waiting(delay, reason);
        try {
            options.retry().sleeper().sleep(delay);
        } catch (InterruptedException e) {
            throw cancelled(call, e);
        }
    }

    /** Seconds with one decimal: what the user waited, measured, not what a timeout was set to. */
    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    private HttpResponse<InputStream> sendFollowingRedirects(Call call) throws IOException, GatewayException {
        URI uri = call.uri();
        String method = call.method();
        byte[] body = call.body();
        boolean stillOnBaseOrigin = true;
        for (int hop = 0; ; hop++) {
            checkTransport(uri);
            stillOnBaseOrigin &= Origin.of(uri).equals(baseOrigin);
            long remaining = call.remainingNanos();
            if (remaining <= 0) {
                throw new HttpTimeoutException("the operation's deadline passed");
            }
            HttpRequest request = buildRequest(method, uri, body, call.idempotencyKey(), stillOnBaseOrigin,
                    Duration.ofNanos(Math.min(remaining, options.requestTimeout().toNanos())));
            long started = System.nanoTime();
            HttpResponse<InputStream> response;
            try {
                response = transports.forUri(uri).send(request, HttpResponse.BodyHandlers.ofInputStream());
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

    private HttpRequest buildRequest(String method, URI uri, byte[] body, String idempotencyKey, boolean withAuth,
                                     Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(timeout)
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
        long promised = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (promised > limits.maxAnswerBytes()) {
            closeQuietly(response.body());
            throw tooLarge(call, status, requestId, promised);
        }
        BoundedBody in = new BoundedBody(response.body(), limits.maxAnswerBytes(), call.remainingNanos());
        try (in) {
            if (contentType.contains("html")) {
                throw new GatewayException(Kind.PROTOCOL, status, "html_response",
                        ErrorResponseParser.htmlMessage(status, new String(in.readNBytes(MAX_ERROR_BODY),
                                StandardCharsets.UTF_8)), requestId);
            }
            try (JsonParser parser = GatewayJson.factory().createParser(in)) {
                T value = reader.read(parser);
                return new GatewayResponse<>(status, response.headers(), value, requestId, lastRateLimit());
            }
        } catch (GatewayException e) {
            if (in.expired()) {
                throw stalled(call, status, requestId, in.count(), promised, e);
            }
            if (in.cancelled()) {
                throw cancelled(call, new InterruptedException("cancelled while reading the answer"));
            }
            throw withRequestId(e, requestId);
        } catch (BoundedBody.TooLarge e) {
            throw tooLarge(call, status, requestId, -1);
        } catch (IOException e) {
            if (in.expired()) {
                throw stalled(call, status, requestId, in.count(), promised, e);
            }
            if (in.cancelled()) {
                throw cancelled(call, new InterruptedException("cancelled while reading the answer"));
            }
            if (e instanceof StreamConstraintsException) {
                throw new GatewayException(Kind.PROTOCOL, status, "value_too_large", "The gateway's answer to "
                        + call.describe() + " holds a text value longer than " + GatewayJson.MAX_STRING_CHARS
                        + " characters or nesting deeper than " + GatewayJson.MAX_DEPTH
                        + " levels; KeyDeck refused it after " + in.count() + " bytes.", requestId, e);
            }
            if (e instanceof JsonProcessingException json) {
                throw new GatewayException(Kind.PROTOCOL, status, "malformed_json",
                        "The gateway's answer to " + call.describe() + " is not valid JSON: "
                                + SecretRedactor.redactAndShorten(json.getOriginalMessage(), 160)
                                + (json.getLocation() != null ? " (at character " + json.getLocation().getCharOffset()
                                + ")" : "") + ".", requestId, e);
            }
            throw new GatewayException(Kind.NETWORK, status, "connection_dropped",
                    "The connection dropped while reading the gateway's answer to " + call.describe() + " after "
                            + in.count() + " bytes" + (promised >= 0 ? " of " + promised : "") + ".", requestId, e);
        }
    }

    private GatewayException stalled(Call call, int status, String requestId, long arrived, long promised,
                                     Exception cause) {
        return new GatewayException(Kind.NETWORK, status, "answer_stalled", "The gateway's answer to "
                + call.describe() + " stalled: " + arrived + " bytes" + (promised >= 0 ? " of " + promised : "")
                + " arrived, then the operation's deadline of " + limits.deadline().toSeconds() + " s passed ("
                + seconds(call.elapsedNanos()) + " in all).", requestId, cause);
    }

    private GatewayException tooLarge(Call call, int status, String requestId, long promised) {
        return new GatewayException(Kind.PROTOCOL, status, "answer_too_large", "The gateway's answer to "
                + call.describe() + " is larger than " + limits.maxAnswerBytes() / (1024 * 1024) + " MB"
                + (promised > 0 ? " (" + promised + " bytes announced)" : "")
                + "; KeyDeck refused it rather than fill its memory.", requestId);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the answer is refused anyway
        }
    }

    /** A reader's complaint names the answer's request id, which the reader itself never sees. */
    private static GatewayException withRequestId(GatewayException e, String requestId) {
        if (e.requestId() != null || requestId == null || e.getClass() != GatewayException.class) {
            return e;
        }
        return new GatewayException(e.kind(), e.httpStatus(), e.code(), e.getMessage(), requestId, e);
    }

    private byte[] readCapped(Call call, HttpResponse<InputStream> response) {
        try (InputStream in = new BoundedBody(response.body(), Long.MAX_VALUE - 1, call.remainingNanos())) {
            return in.readNBytes(MAX_ERROR_BODY);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private GatewayException networkFailure(Call call, IOException e, long attemptNanos, int attempt) {
        String where = call.uri().getHost() + (call.uri().getPort() > 0 ? ":" + call.uri().getPort() : "");
        String took = attempt == 0 ? "" : " (attempt " + (attempt + 1) + ", " + seconds(call.elapsedNanos())
                + " since the first)";
        if (e instanceof HttpConnectTimeoutException) {
            return new GatewayException(Kind.NETWORK, 0, "connect_timeout", "Could not connect to " + where
                    + " within " + seconds(attemptNanos) + took + ".", null, e);
        }
        if (e instanceof HttpTimeoutException) {
            return new GatewayException(Kind.NETWORK, 0, "timeout", "The gateway at " + where
                    + " did not answer " + call.describe() + " within " + seconds(attemptNanos) + took + ".",
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
                + " dropped before the gateway answered " + call.describe() + took + ".", null, e);
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

    /** Wipes the admin token this transport holds and ends its HTTP clients; a closed client sends no more requests. */
    public void close() {
        token.wipe();
        transports.close();
    }
}
