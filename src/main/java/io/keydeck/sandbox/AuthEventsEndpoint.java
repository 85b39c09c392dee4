package io.keydeck.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/** {@code GET /v1/auth-events}: failed authentications, newest first, filtered and cursor-paged. */
final class AuthEventsEndpoint {
    private final AuthEventLog log;
    private final KeyStore keys;

    AuthEventsEndpoint(AuthEventLog log, KeyStore keys) {
        this.log = log;
        this.keys = keys;
    }

    void list(ApiExchange ex) throws IOException {
        int limit = QueryParams.limit(ex);
        int before = QueryParams.after(ex, 'e');
        Instant since = QueryParams.instant(ex, "since");
        Instant until = QueryParams.instant(ex, "until");
        Predicate<AuthEventLog.Event> filter = e -> true;
        String statusText = ex.query("status");
        if (statusText != null) {
            int status;
            try {
                status = Integer.parseInt(statusText);
            } catch (NumberFormatException e) {
                throw ApiError.badRequest("status must be an HTTP status such as 401, was \"" + statusText + "\".");
            }
            filter = filter.and(e -> e.failure().status() == status);
        }
        String code = ex.query("code");
        if (code != null) {
            filter = filter.and(e -> e.failure().code().equals(code));
        }
        List<AuthEventLog.Positioned> page = log.newestBefore(before, since == null ? Long.MIN_VALUE : since.toEpochMilli(),
                until == null ? Long.MAX_VALUE : until.toEpochMilli(), limit + 1, filter);
        boolean hasMore = page.size() > limit;
        ObjectNode root = ApiExchange.JSON.createObjectNode();
        ArrayNode data = root.putArray("data");
        for (int i = 0; i < Math.min(limit, page.size()); i++) {
            data.add(toJson(page.get(i)));
        }
        root.put("has_more", hasMore);
        if (hasMore) {
            root.put("next_cursor", QueryParams.cursor('e', page.get(limit - 1).seq()));
        } else {
            root.putNull("next_cursor");
        }
        ex.sendJson(200, root);
    }

    private ObjectNode toJson(AuthEventLog.Positioned positioned) {
        AuthEventLog.Event e = positioned.event();
        ObjectNode n = ApiExchange.JSON.createObjectNode();
        n.put("id", log.eventId(positioned.seq()));
        n.put("occurred_at", Instant.ofEpochMilli(e.at()).toString());
        n.put("status", e.failure().status());
        n.put("type", e.failure().type());
        n.put("code", e.failure().code());
        n.put("message", e.failure().message());
        n.put("request_id", log.requestId(positioned.seq(), e));
        if (e.prefix() == null && e.lastFour() == null) {
            n.putNull("key_hint");
        } else {
            ObjectNode hint = n.putObject("key_hint");
            hint.put("prefix", e.prefix());
            hint.put("last_four", e.lastFour());
        }
        StoredKey key = e.keySeq() >= 0 ? keys.bySeq(e.keySeq()) : null;
        n.put("key_id", key == null ? null : key.id);
        n.put("client_ip", e.clientIp());
        n.put("user_agent", e.userAgent());
        n.put("method", e.method());
        n.put("path", e.path());
        return n;
    }

}
