package io.keydeck.gateway;

import java.time.Duration;
import java.util.Optional;

/**
 * A gateway said no, or could not be reached. Carries what a user needs to act or report it: the
 * kind, the HTTP status, the gateway's own error code and message, and its request id. The message
 * never contains a token or secret.
 */
public class GatewayException extends Exception {

    /** What went wrong, in the terms the UI reacts to. */
    public enum Kind {
        /** 401: the admin token is missing, wrong or expired — ask for it again. */
        UNAUTHENTICATED,
        /** 403: the token lacks a permission. */
        FORBIDDEN,
        NOT_FOUND,
        /** 429 after the retries ran out. */
        RATE_LIMITED,
        /** 4xx the request itself was refused (400/409/422). */
        INVALID_REQUEST,
        /** 5xx after the retries ran out. */
        SERVER,
        /** could not connect, timed out, or the connection dropped. */
        NETWORK,
        /** the gateway answered something that is not its documented format. */
        PROTOCOL,
        /** the driver or gateway cannot do this at all. */
        UNSUPPORTED,
        /** refused locally before any request (e.g. plain http to a remote host). */
        POLICY
    }

    private final Kind kind;
    private final int httpStatus;
    private final String code;
    private final String requestId;
    private final Duration retryAfter;

    public GatewayException(Kind kind, int httpStatus, String code, String message, String requestId) {
        this(kind, httpStatus, code, message, requestId, null);
    }

    public GatewayException(Kind kind, int httpStatus, String code, String message, String requestId,
                            Throwable cause) {
        this(kind, httpStatus, code, message, requestId, cause, null);
    }

    /** {@code retryAfter}: how long the gateway asked KeyDeck to wait before asking again (a 429 not waited for). */
    public GatewayException(Kind kind, int httpStatus, String code, String message, String requestId,
                            Throwable cause, Duration retryAfter) {
        super(message, cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.code = code;
        this.requestId = requestId;
        this.retryAfter = retryAfter;
    }

    public static GatewayException unsupported(String message) {
        return new GatewayException(Kind.UNSUPPORTED, 0, "unsupported", message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when no answer arrived. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The gateway's error code (e.g. {@code invalid_api_key}), or null. */
    public String code() {
        return code;
    }

    /** The gateway's request id ({@code X-Request-ID} or body {@code request_id}), or null. */
    public String requestId() {
        return requestId;
    }

    /** The wait the gateway asked for and KeyDeck did not take, so a window can count it down and offer Retry. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** One line for the UI: message, code and request id. */
    public String describe() {
        StringBuilder sb = new StringBuilder(getMessage() == null ? kind.name() : getMessage());
        if (code != null && !code.isBlank()) {
            sb.append(" (").append(code).append(httpStatus > 0 ? ", HTTP " + httpStatus : "").append(')');
        } else if (httpStatus > 0) {
            sb.append(" (HTTP ").append(httpStatus).append(')');
        }
        if (requestId != null && !requestId.isBlank()) {
            sb.append(" — request id ").append(requestId);
        }
        return sb.toString();
    }
}
