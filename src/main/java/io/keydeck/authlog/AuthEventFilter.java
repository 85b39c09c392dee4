package io.keydeck.authlog;

import io.keydeck.model.AuthEvent;
import io.keydeck.model.AuthEventQuery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the auth log is narrowed to. The gateway filters by time, status and code itself
 * ({@link #toQuery}); key, IP and free text are matched here over the events already loaded, because
 * the protocol has no parameter for them.
 *
 * @param since  inclusive lower bound, or null
 * @param until  exclusive upper bound, or null
 * @param status HTTP status, or null for any
 * @param code   error code such as {@code invalid_api_key}, or null for any
 * @param key    part of the key hint or key id (case-insensitive), or blank
 * @param ip     part of the client IP, or blank; a whole IPv4 address matches only itself (clicking
 *               10.0.0.1 in Top IPs must not also show 10.0.0.12)
 * @param text   free text matched against every column, or blank
 */
public record AuthEventFilter(Instant since, Instant until, Integer status, String code, String key, String ip,
                              String text) {

    private static final java.util.regex.Pattern WHOLE_IPV4 =
            java.util.regex.Pattern.compile("(\\d{1,3}\\.){3}\\d{1,3}");

    public static final AuthEventFilter NONE = new AuthEventFilter(null, null, null, null, "", "", "");

    public AuthEventFilter {
        key = normalise(key);
        ip = normalise(ip);
        text = normalise(text);
        code = code == null || code.isBlank() ? null : code.trim();
    }

    /** The part the gateway evaluates, as a first-page query. */
    public AuthEventQuery toQuery(int limit) {
        return new AuthEventQuery(since, until, status, code, limit, null);
    }

    /** True when {@code other} asks the gateway for the same events, so loaded events can be kept. */
    public boolean sameServerPart(AuthEventFilter other) {
        return Objects.equals(since, other.since) && Objects.equals(until, other.until)
                && Objects.equals(status, other.status) && Objects.equals(code, other.code);
    }

    public AuthEventFilter withTime(Instant newSince, Instant newUntil) {
        return new AuthEventFilter(newSince, newUntil, status, code, key, ip, text);
    }

    public AuthEventFilter withStatus(Integer newStatus) {
        return new AuthEventFilter(since, until, newStatus, code, key, ip, text);
    }

    public AuthEventFilter withCode(String newCode) {
        return new AuthEventFilter(since, until, status, newCode, key, ip, text);
    }

    public AuthEventFilter withKey(String newKey) {
        return new AuthEventFilter(since, until, status, code, newKey, ip, text);
    }

    public AuthEventFilter withIp(String newIp) {
        return new AuthEventFilter(since, until, status, code, key, newIp, text);
    }

    public AuthEventFilter withText(String newText) {
        return new AuthEventFilter(since, until, status, code, key, ip, newText);
    }

    /** Every condition, server-side ones included (events from other sources go through here too). */
    public boolean matches(AuthEvent e) {
        if (since != null && e.occurredAt() != null && e.occurredAt().isBefore(since)) {
            return false;
        }
        if (until != null && e.occurredAt() != null && !e.occurredAt().isBefore(until)) {
            return false;
        }
        if (status != null && e.status() != status) {
            return false;
        }
        if (code != null && !code.equals(e.code())) {
            return false;
        }
        if (!key.isEmpty() && !contains(e.keyHint(), key) && !contains(e.keyId(), key)) {
            return false;
        }
        if (!ip.isEmpty() && !matchesIp(e.clientIp())) {
            return false;
        }
        return text.isEmpty() || matchesText(e);
    }

    /** The events of {@code events} that match, in their order. */
    public List<AuthEvent> apply(List<AuthEvent> events) {
        List<AuthEvent> out = new ArrayList<>(Math.min(events.size(), 1024));
        for (AuthEvent e : events) {
            if (matches(e)) {
                out.add(e);
            }
        }
        return out;
    }

    private boolean matchesIp(String clientIp) {
        return WHOLE_IPV4.matcher(ip).matches() ? ip.equals(clientIp) : contains(clientIp, ip);
    }

    private boolean matchesText(AuthEvent e) {
        return contains(e.code(), text) || contains(e.message(), text) || contains(e.keyHint(), text)
                || contains(e.keyId(), text) || contains(e.clientIp(), text) || contains(e.userAgent(), text)
                || contains(e.path(), text) || contains(e.method(), text) || contains(e.requestId(), text)
                || contains(e.type(), text) || String.valueOf(e.status()).equals(text);
    }

    private static boolean contains(String value, String lowerNeedle) {
        if (value == null || value.length() < lowerNeedle.length()) {
            return false;
        }
        // regionMatches with ignoreCase avoids a lower-cased copy of every field of every event
        int last = value.length() - lowerNeedle.length();
        char first = lowerNeedle.charAt(0);
        char firstUpper = Character.toUpperCase(first);
        for (int i = 0; i <= last; i++) {
            char c = value.charAt(i);
            if ((c == first || c == firstUpper)
                    && value.regionMatches(true, i + 1, lowerNeedle, 1, lowerNeedle.length() - 1)) {
                return true;
            }
        }
        return false;
    }

    private static String normalise(String value) {
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    }
}
