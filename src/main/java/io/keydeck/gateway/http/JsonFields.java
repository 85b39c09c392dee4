package io.keydeck.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.keydeck.gateway.GatewayException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Tolerant readers for the fields every driver maps, so each driver reads missing, null, epoch or
 * ISO-8601 values the same way and reports an unreadable one as the same {@code PROTOCOL} error.
 */
public final class JsonFields {
    private JsonFields() {
    }

    /** The field as text, or null when it is missing, null, blank or not a plain value. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isBlank() ? value.asText() : null;
    }

    /**
     * A time given as epoch seconds or ISO-8601 text; text without an offset (as some Python
     * gateways send) is read as UTC. Null when absent.
     */
    public static Instant instant(JsonNode node, String field, String requestId) throws GatewayException {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull() || value.isTextual() && value.asText().isBlank()) {
            return null;
        }
        if (value.isNumber()) {
            return Instant.ofEpochSecond(value.asLong());
        }
        String text = value.asText().trim();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw unexpected("The gateway sent \"" + field + "\" in a form KeyDeck cannot read as a time.",
                        requestId);
            }
        }
    }

    /** An array of plain values as strings; anything else is an empty list. */
    public static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> {
                if (n.isValueNode() && !n.isNull()) {
                    out.add(n.asText());
                }
            });
        }
        return out;
    }

    /** A US-dollar amount for display ("$74.50"), or null when the field is not a number. */
    public static String usd(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isNumber() && !(value.isTextual() && value.asText().matches("-?\\d+(\\.\\d+)?"))) {
            return null;
        }
        return "$" + new BigDecimal(value.asText()).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /**
     * A non-negative amount in {@code unit} from a number or numeric text; null when the field is missing,
     * null, negative or not a number (a gateway's odd value is shown as unknown, not as an error).
     */
    public static io.keydeck.model.Amount amount(JsonNode node, String field, String unit) {
        JsonNode value = node.path(field);
        if (!value.isNumber() && !(value.isTextual() && value.asText().strip().matches("\\d+(\\.\\d+)?"))) {
            return null;
        }
        BigDecimal number = value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText().strip());
        return number.signum() < 0 ? null : new io.keydeck.model.Amount(number, unit);
    }

    /** A whole non-negative number from a number or numeric text; null otherwise. */
    public static Long count(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isNumber() && value.canConvertToLong() && value.asLong() >= 0) {
            return value.asLong();
        }
        String text = value.isTextual() ? value.asText().strip() : "";
        return text.matches("\\d{1,18}") ? Long.parseLong(text) : null;
    }

    /** The visible parts of a masked key. */
    public record MaskedKey(String prefix, String lastFour) {
    }

    /**
     * Splits a masked key as gateways show it ({@code sk-or-v1-0e6...1c96}, {@code sk-ant-api03-R2D...igAA},
     * {@code sk-...abcd}) at its "..." or "…" into prefix and last characters; no mark means it is all prefix.
     */
    public static MaskedKey masked(String text) {
        if (text == null) {
            return new MaskedKey("", "");
        }
        int dots = text.indexOf("...");
        if (dots >= 0) {
            return new MaskedKey(text.substring(0, dots), text.substring(dots + 3));
        }
        int ellipsis = text.indexOf('\u2026');
        if (ellipsis >= 0) {
            return new MaskedKey(text.substring(0, ellipsis), text.substring(ellipsis + 1));
        }
        return new MaskedKey(text, "");
    }

    /** The gateway answered, but not in the shape its documentation promises. */
    public static GatewayException unexpected(String message, String requestId) {
        return new GatewayException(GatewayException.Kind.PROTOCOL, 0, "unexpected_answer", message, requestId);
    }
}
