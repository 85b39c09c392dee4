package io.keydeck.gateway.http;

import io.keydeck.model.SecretRedactor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.GatewayException.Kind;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a gateway's "no" into a {@link GatewayException} a user can act on, whatever shape the
 * body has: MultiRoute/OpenAI/Anthropic/OpenRouter/LiteLLM error objects, {@code detail} (text, list or
 * {@code {"error":…}}) or {@code message} bodies,
 * plain text, or an HTML page from a proxy (never dumped raw). Everything it quotes is redacted.
 */
public final class ErrorResponseParser {
    static final int MAX_MESSAGE = 300;
    private static final Pattern TITLE = Pattern.compile("(?is)<title[^>]*>(.*?)</title>");

    private ErrorResponseParser() {
    }

    public static Kind kindOf(int status) {
        return switch (status) {
            case 401 -> Kind.UNAUTHENTICATED;
            case 403 -> Kind.FORBIDDEN;
            case 404, 410 -> Kind.NOT_FOUND;
            case 429 -> Kind.RATE_LIMITED;
            default -> status >= 500 ? Kind.SERVER : status >= 400 ? Kind.INVALID_REQUEST : Kind.PROTOCOL;
        };
    }

    public static GatewayException parse(int status, HttpHeaders headers, byte[] body) {
        String headerRequestId = requestIdHeader(headers).orElse(null);
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8).trim();
        String contentType = headers.firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        Kind kind = kindOf(status);
        if (text.isEmpty()) {
            return new GatewayException(kind, status, null,
                    "The gateway answered HTTP " + status + " without any details.", headerRequestId);
        }
        if (looksLikeHtml(contentType, text)) {
            return new GatewayException(kind, status, null, htmlMessage(status, text), headerRequestId);
        }
        JsonNode root = tryJson(text);
        if (root != null && root.isObject()) {
            return fromJson(kind, status, root, headerRequestId);
        }
        String plain = SecretRedactor.redactAndShorten(text, MAX_MESSAGE);
        return new GatewayException(kind, status, null,
                "The gateway answered HTTP " + status + ": " + plain, headerRequestId);
    }

    static Optional<String> requestIdHeader(HttpHeaders headers) {
        return headers.firstValue("X-Request-ID").or(() -> headers.firstValue("request-id"))
                .filter(s -> !s.isBlank());
    }

    static String htmlMessage(int status, String html) {
        String message = "The gateway answered HTTP " + status + " with an HTML page instead of JSON";
        Matcher title = TITLE.matcher(html);
        if (title.find() && !title.group(1).isBlank()) {
            message += " (\"" + SecretRedactor.redactAndShorten(title.group(1), 80) + "\")";
        }
        return message + "; a proxy or load balancer may be in the way.";
    }

    private static boolean looksLikeHtml(String contentType, String text) {
        String start = text.substring(0, Math.min(200, text.length())).toLowerCase(Locale.ROOT);
        return contentType.contains("html") || start.startsWith("<!doctype") || start.startsWith("<html")
                || start.startsWith("<head") || start.startsWith("<body");
    }

    private static JsonNode tryJson(String text) {
        try {
            return GatewayJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static GatewayException fromJson(Kind kind, int status, JsonNode root, String headerRequestId) {
        JsonNode error = root.path("error");
        String message;
        String code = null;
        String requestId = firstText(error.path("request_id"), root.path("request_id"), error.path("requestId"),
                root.path("requestId"));
        if (error.isObject()) {
            message = text(error.path("message"));
            code = errorCode(error, status);
            String param = text(error.path("param"));
            if (message != null && param != null && !param.equals("None") && !param.equals("null")) {
                message += " (parameter " + param + ")";
            }
        } else {
            message = firstText(error, root.path("message"));
            code = firstText(root.path("code"), root.path("type").isTextual()
                    && !"error".equals(root.path("type").asText()) ? root.path("type") : null);
        }
        if (message == null) {
            message = detail(root.path("detail"));
        }
        if (message == null) {
            message = "The gateway answered HTTP " + status + " with an error it did not explain.";
        }
        return new GatewayException(kind, status, code, SecretRedactor.redactAndShorten(message, MAX_MESSAGE),
                requestId != null ? requestId : headerRequestId);
    }

    /**
     * The error's own code. A numeric code (OpenRouter's {@code "code":401}, LiteLLM's {@code "code":"401"}) only
     * repeats the HTTP status, so the error {@code type} says more; a code equal to the status alone is dropped.
     */
    private static String errorCode(JsonNode error, int status) {
        String code = text(error.path("code"));
        if (code == null || !code.matches("\\d+")) {
            return code != null ? code : text(error.path("type"));
        }
        String type = text(error.path("type"));
        return type != null ? type : code.equals(String.valueOf(status)) ? null : code;
    }

    /** FastAPI-style {@code detail}: a string, or a list of {@code {"loc","msg"}} objects. */
    private static String detail(JsonNode detail) {
        if (detail.isTextual()) {
            return detail.asText();
        }
        if (detail.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode item : detail) {
                String msg = item.isTextual() ? item.asText() : text(item.path("msg"));
                if (msg != null) {
                    JsonNode loc = item.path("loc");
                    parts.add(loc.isArray() && !loc.isEmpty() ? loc.get(loc.size() - 1).asText() + ": " + msg : msg);
                }
            }
            return parts.isEmpty() ? null : String.join("; ", parts);
        }
        return detail.isObject() ? firstText(detail.path("message"), detail.path("error")) : null;
    }

    private static String firstText(JsonNode... nodes) {
        for (JsonNode node : nodes) {
            String t = node == null ? null : text(node);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    private static String text(JsonNode node) {
        if (node == null || !node.isValueNode() || node.isNull()) {
            return null;
        }
        String t = node.asText();
        return t.isBlank() ? null : t;
    }
}
