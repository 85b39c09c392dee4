package io.keydeck.model;

/** The gateway's answer to a revoke, reported to the user key by key. */
public record RevokeResult(String keyId, boolean revoked, String requestId) {
}
