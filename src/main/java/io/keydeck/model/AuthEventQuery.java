package io.keydeck.model;

import java.time.Instant;

/** A page request for auth events; null fields do not filter. */
public record AuthEventQuery(Instant since, Instant until, Integer status, String code, int limit, String after) {
    public AuthEventQuery {
        if (limit <= 0) {
            limit = 100;
        }
    }

    public static AuthEventQuery firstPage(int limit) {
        return new AuthEventQuery(null, null, null, null, limit, null);
    }

    public AuthEventQuery after(String cursor) {
        return new AuthEventQuery(since, until, status, code, limit, cursor);
    }
}
