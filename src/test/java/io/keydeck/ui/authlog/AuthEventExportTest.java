package io.keydeck.ui.authlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keydeck.authlog.TestEvents;
import io.keydeck.model.AuthEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuthEventExportTest {
    private final AuthEvent hostile = new AuthEvent("evt_1", TestEvents.T0, 401, "authentication_error",
            "invalid_api_key", "Invalid API key, \"really\"", "req_1", "mrk_live_", "AbCd", null, "203.0.113.9",
            "=HYPERLINK(\"http://evil\")", "POST", "/v1/chat/completions");

    @Test
    void csvDefusesFormulasAndQuotesCommas(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("events.csv");
        AuthEventExport.writeCsv(List.of(hostile), file);

        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).startsWith("occurred_at,status,type,code,key_hint");
        assertThat(lines.get(1)).contains("\"'=HYPERLINK(\"\"http://evil\"\")\"")
                .contains("\"Invalid API key, \"\"really\"\"\"").contains("mrk_live_…AbCd").contains(",gateway,");
        assertThat(AuthEventExport.csvCell("+1")).isEqualTo("'+1");
        assertThat(AuthEventExport.csvCell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(AuthEventExport.csvCell("plain")).isEqualTo("plain");
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).as("no temporary file left behind").containsExactly(file);
        }
    }

    @Test
    void jsonKeepsEveryFieldAsWritten(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("events.json");
        AuthEventExport.writeJson(List.of(hostile), file);

        JsonNode first = new ObjectMapper().readTree(file.toFile()).get(0);
        assertThat(first.get("status").asInt()).isEqualTo(401);
        assertThat(first.get("user_agent").asText()).isEqualTo("=HYPERLINK(\"http://evil\")");
        assertThat(first.get("key_hint").asText()).isEqualTo("mrk_live_…AbCd");
        assertThat(first.get("key_id").isNull()).isTrue();
        assertThat(first.get("occurred_at").asText()).isEqualTo("2026-03-10T12:00:00Z");
    }
}
