package io.keydeck.sandbox;

/**
 * An error answer in the protocol's shape ({@code {"error":{type,code,message,request_id}}}).
 * Thrown by endpoint code and turned into a response by the router; messages never carry secrets.
 */
final class ApiError extends RuntimeException {
    static final String AUTHENTICATION = "authentication_error";
    static final String PERMISSION = "permission_error";
    static final String INVALID_REQUEST = "invalid_request_error";

    private final int status;
    private final String type;
    private final String code;
    private long retryAfterSeconds = -1;
    private CallerHint caller;

    ApiError(int status, String type, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.code = code;
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, INVALID_REQUEST, "invalid_request", message);
    }

    static ApiError unprocessable(String message) {
        return new ApiError(422, INVALID_REQUEST, "invalid_request", message);
    }

    static ApiError notFound(String message) {
        return new ApiError(404, "not_found_error", "not_found", message);
    }

    static ApiError methodNotAllowed(String method, String path) {
        return new ApiError(405, INVALID_REQUEST, "method_not_allowed", method + " is not allowed on " + path + ".");
    }

    static ApiError missingKey() {
        return new ApiError(401, AUTHENTICATION, "missing_api_key",
                "No API key: send the header \"Authorization: Bearer <key>\".");
    }

    static ApiError invalidKey(String message) {
        return new ApiError(401, AUTHENTICATION, "invalid_api_key", message);
    }

    static ApiError expiredKey(String message) {
        return new ApiError(401, AUTHENTICATION, "expired_api_key", message);
    }

    static ApiError insufficientScope(String message) {
        return new ApiError(403, PERMISSION, "insufficient_permissions", message);
    }

    static ApiError rateLimited(long retryAfterSeconds) {
        ApiError e = new ApiError(429, "rate_limit_error", "rate_limit_exceeded",
                "Rate limit exceeded; retry after " + retryAfterSeconds + " s.");
        e.retryAfterSeconds = retryAfterSeconds;
        return e;
    }

    static ApiError server(int status) {
        return new ApiError(status, "api_error", "server_error", "The gateway failed to handle the request (HTTP "
                + status + ").");
    }

    ApiError withRetryAfter(long seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    /** Marks this as an authentication/authorization failure to be written to the auth log. */
    ApiError from(CallerHint hint) {
        this.caller = hint;
        return this;
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }

    String code() {
        return code;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Who failed to authenticate, or null when this is not an auth failure. */
    CallerHint caller() {
        return caller;
    }
}
