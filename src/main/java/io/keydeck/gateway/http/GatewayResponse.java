package io.keydeck.gateway.http;

import io.keydeck.model.RateLimitStatus;

import java.net.http.HttpHeaders;
import java.util.Optional;

/**
 * A successful gateway answer, already parsed, with what the UI shows next to it: the request id
 * for support and the rate limit left.
 */
public record GatewayResponse<T>(int status, HttpHeaders headers, T body, String requestId,
                                 Optional<RateLimitStatus> rateLimit) {
}
