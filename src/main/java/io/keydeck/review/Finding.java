package io.keydeck.review;

import io.keydeck.model.ApiKey;

import java.util.Objects;

/**
 * One problem with one key, in words a reviewer can act on: how bad it is, which rule saw it, a
 * specific reason ("Last used 143 days ago (threshold 90 days)") and the action that fixes it.
 *
 * @param ruleId     a {@link ReviewRule#id()}, stable for scripts and reports
 * @param connection the display name of the connection the key belongs to
 */
public record Finding(Severity severity, String ruleId, ApiKey key, String connection, String reason,
                      FixAction action) {
    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(action, "action");
        connection = connection == null ? "" : connection;
    }
}
