package io.keydeck.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/** Reads and checks the query parameters the listings share: limits, times and opaque cursors. */
final class QueryParams {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private QueryParams() {
    }

    static int limit(ApiExchange ex) {
        String raw = ex.query("limit");
        if (raw == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiError.badRequest("limit must be a whole number from 1 to " + MAX_LIMIT + ", was \"" + raw + "\".");
    }

    /** An ISO-8601 instant ({@code 2025-01-31T12:00:00Z}, with any offset) or date (midnight UTC); null if absent. */
    static Instant instant(ApiExchange ex, String name) {
        String raw = ex.query(name);
        if (raw == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(raw).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                throw ApiError.badRequest(name + " must be an ISO-8601 time such as 2025-01-31T12:00:00Z, was \""
                        + raw + "\".");
            }
        }
    }

    static boolean flag(ApiExchange ex, String name) {
        String raw = ex.query(name);
        if (raw == null || raw.equalsIgnoreCase("false") || raw.equals("0")) {
            return false;
        }
        if (raw.equalsIgnoreCase("true") || raw.equals("1")) {
            return true;
        }
        throw ApiError.badRequest(name + " must be true or false, was \"" + raw + "\".");
    }

    /** An opaque cursor naming the position below which the next page starts. */
    static String cursor(char kind, int seq) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((kind + ":" + seq).getBytes(StandardCharsets.US_ASCII));
    }

    /** The position in {@code after}, or {@code Integer.MAX_VALUE} for the first page. */
    static int after(ApiExchange ex, char kind) {
        String raw = ex.query("after");
        if (raw == null) {
            return Integer.MAX_VALUE;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.US_ASCII);
            if (text.length() > 2 && text.charAt(0) == kind && text.charAt(1) == ':') {
                int seq = Integer.parseInt(text.substring(2));
                if (seq >= 0) {
                    return seq;
                }
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw ApiError.badRequest("after is not a cursor this listing returned.");
    }
}
