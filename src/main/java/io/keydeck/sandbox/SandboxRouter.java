package io.keydeck.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends each request to its endpoint after the steps every request shares: request id, rate limit,
 * injected faults (admin endpoints only), authentication and scope check. Auth failures become
 * auth events; every other failure becomes the protocol's error body.
 */
final class SandboxRouter implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxRouter.class);
    private static final String KEYS = "/v1/api-keys";

    private final AdminCredentials admin;
    private final KeyStore keys;
    private final RateLimiter limiter;
    private final FaultInjector faults;
    private final AuthEventLog authLog;
    private final Clock clock;
    private final KeyEndpoints keyEndpoints;
    private final UsageEndpoint usage;
    private final AuthEventsEndpoint authEvents;
    private final ChatEndpoint chat;

    /** An endpoint body, run once the caller is known. */
    private interface Action {
        void run(ApiExchange ex, AdminCredentials.Principal principal) throws IOException;
    }

    /** Where a request goes: the scope it needs (null for inference) and what to run. */
    private record Route(String scope, Action action) {
    }

    SandboxRouter(AdminCredentials admin, KeyStore keys, UsageLedger ledger, AuthEventLog authLog, RateLimiter limiter,
                  FaultInjector faults, Clock clock) {
        this.admin = admin;
        this.keys = keys;
        this.limiter = limiter;
        this.faults = faults;
        this.authLog = authLog;
        this.clock = clock;
        SpendMeter meter = new SpendMeter(ledger);
        this.keyEndpoints = new KeyEndpoints(keys, clock, meter);
        this.usage = new UsageEndpoint(keys, ledger, clock);
        this.authEvents = new AuthEventsEndpoint(authLog, keys);
        this.chat = new ChatEndpoint(keys, ledger, clock, meter);
    }

    @Override
    public void handle(HttpExchange http) {
        String requestId = "req_" + Base62.random(ThreadLocalRandom.current(), 24);
        ApiExchange ex;
        try {
            ex = new ApiExchange(http, requestId);
        } catch (IllegalArgumentException e) {
            ex = null;
        }
        if (ex == null) {
            http.close();
            return;
        }
        String token = null;
        try {
            token = ex.bearerToken();
            RateLimiter.Decision rate = limiter.take(token == null ? "ip:" + ex.clientIp() : Base62.sha256(token));
            ex.setRate(rate);
            Route route = route(ex);
            if (route.scope() != null && injectFault(ex)) {
                return;
            }
            if (!rate.allowed()) {
                throw ApiError.rateLimited(rate.retryAfterSeconds());
            }
            AdminCredentials.Principal principal = route.scope() == null ? null : authorize(token, route.scope());
            route.action().run(ex, principal);
        } catch (ApiError e) {
            if (e.caller() != null) {
                record(ex, e);
            }
            answer(ex, e);
        } catch (IOException e) {
            LOG.debug("sandbox: connection problem on {} {}: {}", ex.method(), ex.path(), e.toString());
        } catch (RuntimeException e) {
            LOG.warn("sandbox: {} {} failed ({})", ex.method(), ex.path(), requestId, e);
            answer(ex, ApiError.server(500));
        } finally {
            ex.close();
        }
    }

    private Route route(ApiExchange ex) {
        String path = ex.path();
        String method = ex.method();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.equals(KEYS)) {
            return switch (method) {
                case "GET" -> new Route("keys:read", (e, p) -> keyEndpoints.list(e));
                case "POST" -> new Route("keys:manage", (e, p) -> keyEndpoints.create(e));
                default -> throw ApiError.methodNotAllowed(method, path);
            };
        }
        if (path.startsWith(KEYS + "/") && path.indexOf('/', KEYS.length() + 1) < 0) {
            String id = path.substring(KEYS.length() + 1);
            return switch (method) {
                case "GET" -> new Route("keys:read", (e, p) -> keyEndpoints.get(e, id));
                case "PATCH" -> new Route("keys:manage", (e, p) -> keyEndpoints.update(e, id));
                case "DELETE" -> new Route("keys:manage", (e, p) -> keyEndpoints.revoke(e, id));
                default -> throw ApiError.methodNotAllowed(method, path);
            };
        }
        Route single = switch (path) {
            case "/v1/usage" -> new Route("usage:read", (e, p) -> usage.query(e));
            case "/v1/auth-events" -> new Route("audit:read", (e, p) -> authEvents.list(e));
            case "/v1/token" -> new Route("", SandboxRouter::token);
            case "/v1/chat/completions" -> new Route(null, (e, p) -> chat.complete(e));
            default -> throw ApiError.notFound("No such endpoint: " + path + ".");
        };
        String allowed = single.scope() == null ? "POST" : "GET";
        if (!allowed.equals(method)) {
            throw ApiError.methodNotAllowed(method, path);
        }
        return single;
    }

    /** Checks an admin token; an empty {@code scope} accepts any admin token. */
    private AdminCredentials.Principal authorize(String token, String scope) {
        if (token == null) {
            throw ApiError.missingKey().from(CallerHint.NONE);
        }
        if (ChatEndpoint.looksLikeInferenceKey(token)) {
            StoredKey key = keys.bySecret(token);
            if (key == null) {
                throw ApiError.invalidKey("Invalid API key.").from(CallerHint.of(token, null));
            }
            throw ApiError.insufficientScope("Inference keys cannot call admin endpoints; this call needs an admin "
                    + "token with the scope " + (scope.isEmpty() ? "keys:read" : scope) + ".")
                    .from(CallerHint.of(token, key));
        }
        AdminCredentials.Principal principal;
        try {
            principal = admin.authenticate(token);
        } catch (ApiError e) {
            throw e.from(CallerHint.of(token, null));
        }
        if (!scope.isEmpty() && !principal.scopes().contains(scope)) {
            throw ApiError.insufficientScope("This admin token lacks the scope " + scope + ".")
                    .from(CallerHint.of(token, null));
        }
        return principal;
    }

    private static void token(ApiExchange ex, AdminCredentials.Principal principal) throws IOException {
        ObjectNode root = ApiExchange.JSON.createObjectNode();
        root.put("subject", principal.subject());
        ArrayNode scopes = root.putArray("scopes");
        principal.scopes().forEach(scopes::add);
        root.put("expires_at", principal.expiresAt() == null ? null : principal.expiresAt().toString());
        ex.sendJson(200, root);
    }

    /** Applies the next injected fault; true when it answered (or dropped) the request. */
    private boolean injectFault(ApiExchange ex) throws IOException {
        Duration latency = faults.latency();
        if (!latency.isZero()) {
            try {
                Thread.sleep(latency.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        FaultInjector.Fault fault = faults.next();
        switch (fault.kind()) {
            case FAIL -> {
                ApiError error = fault.status() == 429
                        ? ApiError.rateLimited(fault.retryAfter() == null ? 1 : Math.max(1, fault.retryAfter().toSeconds()))
                        : ApiError.server(fault.status());
                if (fault.status() != 429 && fault.retryAfter() != null) {
                    error.withRetryAfter(fault.retryAfter().toSeconds());
                }
                ex.sendError(error);
                return true;
            }
            case HTML -> {
                ex.send(502, "text/html", ("<html><head><title>502 Bad Gateway</title></head><body><center><h1>"
                        + "502 Bad Gateway</h1></center><hr><center>sandbox-proxy</center></body></html>\n")
                        .getBytes(StandardCharsets.UTF_8));
                return true;
            }
            case MALFORMED -> {
                ex.send(200, "application/json", "{\"data\":[{\"id\":\"key_".getBytes(StandardCharsets.UTF_8));
                return true;
            }
            case DROP -> {
                ex.drop();
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private void record(ApiExchange ex, ApiError error) {
        CallerHint hint = error.caller();
        authLog.append(clock.millis(), hint.key() == null ? -1 : hint.key().seq, authLog.failure(error),
                hint.isEmpty() ? CallerHint.NONE : hint, ex.clientIp(), truncate(ex.header("User-Agent")),
                ex.method(), truncate(ex.path()), ex.requestId());
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 200 ? text : text.substring(0, 200);
    }

    private static void answer(ApiExchange ex, ApiError error) {
        try {
            ex.sendError(error);
        } catch (IOException | RuntimeException e) {
            LOG.debug("sandbox: could not send error answer: {}", e.toString());
        }
    }
}
