package io.keydeck.review;

import io.keydeck.model.ApiKey;
import io.keydeck.model.AuthEvent;

import java.util.List;
import java.util.Objects;

/**
 * Everything the rules look at for one connection, gathered by the caller (the Review view or
 * {@code keydeck report}) so the rules themselves never touch the network.
 *
 * @param productionTagged the connection is tagged production (settings' environment tag)
 * @param keys             every key, revoked ones included (the revoked-key rule needs them)
 * @param authEvents       the auth log to match against revoked keys, or null when it could not be
 *                         read; then the revoked-key rule is skipped with {@code authEventsMissing}
 * @param authEventsMissing why there are no auth events (e.g. the driver lacks them); null when present
 */
public record ReviewInput(String connectionName, boolean productionTagged, List<ApiKey> keys,
                          List<AuthEvent> authEvents, Thresholds thresholds, String authEventsMissing) {
    public ReviewInput {
        connectionName = connectionName == null ? "" : connectionName;
        keys = List.copyOf(Objects.requireNonNull(keys, "keys"));
        authEvents = authEvents == null ? null : List.copyOf(authEvents);
        thresholds = thresholds == null ? Thresholds.DEFAULTS : thresholds;
        if (authEvents == null && (authEventsMissing == null || authEventsMissing.isBlank())) {
            authEventsMissing = "The auth log was not read.";
        }
        if (authEvents != null) {
            authEventsMissing = null;
        }
    }

    /** The input as the brief's five parts; a null {@code authEvents} means "not read". */
    public ReviewInput(String connectionName, boolean productionTagged, List<ApiKey> keys, List<AuthEvent> authEvents,
                       Thresholds thresholds) {
        this(connectionName, productionTagged, keys, authEvents, thresholds, null);
    }

    /** The same connection, auth log and thresholds with these keys. */
    public ReviewInput withKeys(List<ApiKey> keys) {
        return new ReviewInput(connectionName, productionTagged, keys, authEvents, thresholds, authEventsMissing);
    }
}
