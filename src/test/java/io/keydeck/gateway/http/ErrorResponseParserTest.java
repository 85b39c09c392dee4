package io.keydeck.gateway.http;

import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.GatewayException.Kind;
import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorResponseParserTest {

    private static HttpHeaders headers(Map<String, String> values) {
        return HttpHeaders.of(values.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, e -> List.of(e.getValue()))), (a, b) -> true);
    }

    private static GatewayException parse(int status, String body, Map<String, String> headers) {
        return ErrorResponseParser.parse(status, headers(headers), body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void multiRouteErrorGivesKindCodeMessageAndBodyRequestId() {
        GatewayException e = parse(401, "{\"error\":{\"type\":\"authentication_error\",\"code\":\"expired_api_key\","
                + "\"message\":\"The token expired.\",\"request_id\":\"req_body\"}}", Map.of("X-Request-ID", "req_header"));

        assertThat(e.kind()).isEqualTo(Kind.UNAUTHENTICATED);
        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(e.code()).isEqualTo("expired_api_key");
        assertThat(e.getMessage()).isEqualTo("The token expired.");
        assertThat(e.requestId()).isEqualTo("req_body");
    }

    @Test
    void openAiErrorWithParamAndRequestIdFromHeader() {
        GatewayException e = parse(400, "{\"error\":{\"message\":\"Invalid value\",\"type\":\"invalid_request_error\","
                + "\"code\":null,\"param\":\"name\"}}", Map.of("x-request-id", "req_oa"));

        assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST);
        assertThat(e.code()).isEqualTo("invalid_request_error");
        assertThat(e.getMessage()).isEqualTo("Invalid value (parameter name)");
        assertThat(e.requestId()).isEqualTo("req_oa");
    }

    @Test
    void anthropicErrorUsesItsRequestIdHeader() {
        GatewayException e = parse(403, "{\"type\":\"error\",\"error\":{\"type\":\"permission_error\","
                + "\"message\":\"Admin key required\"}}", Map.of("request-id", "req_ant"));

        assertThat(e.kind()).isEqualTo(Kind.FORBIDDEN);
        assertThat(e.code()).isEqualTo("permission_error");
        assertThat(e.getMessage()).isEqualTo("Admin key required");
        assertThat(e.requestId()).isEqualTo("req_ant");
    }

    @Test
    void detailStringAndValidationListAndPlainMessage() {
        assertThat(parse(404, "{\"detail\":\"Key not found\"}", Map.of()).getMessage()).isEqualTo("Key not found");
        assertThat(parse(422, "{\"detail\":[{\"loc\":[\"body\",\"name\"],\"msg\":\"field required\"}]}", Map.of())
                .getMessage()).isEqualTo("name: field required");
        GatewayException e = parse(409, "{\"message\":\"Name taken\",\"code\":\"conflict\"}", Map.of());
        assertThat(e.getMessage()).isEqualTo("Name taken");
        assertThat(e.code()).isEqualTo("conflict");
        assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST);
    }

    @Test
    void plainTextBodyIsQuotedShortAndRedacted() {
        GatewayException e = parse(500, "upstream failed for key mrk_live_abcdefghijklmnopqrstuvwxyz123456\n"
                + "x".repeat(1000), Map.of());

        assertThat(e.kind()).isEqualTo(Kind.SERVER);
        assertThat(e.getMessage()).startsWith("The gateway answered HTTP 500: upstream failed")
                .doesNotContain("abcdefghijklmnop").hasSizeLessThan(400);
    }

    @Test
    void anHtmlPageBecomesAShortSentenceNotADump() {
        String html = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>nginx</h1>"
                + "<script>var x=1;</script></body></html>";
        GatewayException e = parse(502, html, Map.of("Content-Type", "text/html"));

        assertThat(e.kind()).isEqualTo(Kind.SERVER);
        assertThat(e.getMessage()).startsWith("The gateway answered HTTP 502 with an HTML page instead of JSON")
                .contains("502 Bad Gateway").doesNotContain("<");
    }

    @Test
    void anEmptyBodyStillSaysWhatHappened() {
        GatewayException e = parse(503, "", Map.of("X-Request-ID", "req_e"));

        assertThat(e.getMessage()).contains("HTTP 503");
        assertThat(e.requestId()).isEqualTo("req_e");
    }

    @Test
    void aSecretEchoedInAnErrorMessageIsMasked() {
        GatewayException e = parse(400, "{\"error\":{\"message\":\"Bad header: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.sig\"}}",
                Map.of());

        assertThat(e.getMessage()).doesNotContain("eyJ").contains("[REDACTED]");
    }

    @Test
    void openRoutersNumericCodeOnlyRepeatsTheStatusSoItIsDropped() {
        GatewayException e = parse(402, "{\"error\":{\"code\":402,\"message\":\"Insufficient credits\"}}", Map.of());

        assertThat(e.getMessage()).isEqualTo("Insufficient credits");
        assertThat(e.code()).isNull();
        assertThat(e.describe()).isEqualTo("Insufficient credits (HTTP 402)");
    }

    @Test
    void liteLlmsStringStatusCodeGivesWayToItsTypeAndParamNoneIsIgnored() {
        GatewayException e = parse(400, "{\"error\":{\"message\":\"Budget exceeded\",\"type\":\"budget_exceeded\","
                + "\"param\":\"None\",\"code\":\"400\"}}", Map.of());

        assertThat(e.getMessage()).isEqualTo("Budget exceeded");
        assertThat(e.code()).isEqualTo("budget_exceeded");
    }

    @Test
    void detailObjectWithErrorIsReadable() {
        assertThat(parse(404, "{\"detail\":{\"error\":\"Team not found\"}}", Map.of()).getMessage())
                .isEqualTo("Team not found");
    }
}
