package io.keydeck.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keydeck.model.ApiKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.keydeck.review.ReviewKeys.NOW;
import static io.keydeck.review.ReviewKeys.healthy;
import static io.keydeck.review.ReviewKeys.lastUsed;
import static io.keydeck.review.ReviewKeys.named;
import static io.keydeck.review.ReviewKeys.scopes;
import static org.assertj.core.api.Assertions.assertThat;

class ReportWriterTest {
    private static final String FORMULA = "=cmd|' /C calc'!A0";
    private static final String SCRIPT = "<script>alert(1)</script>";

    private final ApiKey formulaKey = lastUsed(named(healthy("key_f"), FORMULA), Duration.ofDays(100));
    private final ApiKey scriptKey = scopes(named(healthy("key_s"), SCRIPT), "mrk_live_", List.of("keys:manage"));
    private final ApiKey plain = named(healthy("key_p"), "billing, \"prod\"");

    private ReportData data() {
        ConnectionReview review = ReviewRules.run(new ReviewInput("Prod <EU>", true,
                List.of(formulaKey, scriptKey, plain), null, Thresholds.DEFAULTS, "Fake gateway has no auth log."), NOW);
        return new ReportData(NOW, List.of(review));
    }

    @Test
    void csvHasOneRowPerKeyAndNeutralisesFormulas() {
        String csv = ReportWriter.render(ReportFormat.CSV, data());
        List<String> lines = List.of(csv.split("\r\n"));

        assertThat(csv).endsWith("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo(
                "connection,name,id,key,environment,scopes,created,last_used,last_used_ip,expires,status,findings,"
                        + "owner,spend,limit");
        assertThat(lines.get(1)).isEqualTo("Prod <EU>,'=cmd|' /C calc'!A0,key_f,mrk_live_…ab12,live,chat:write,"
                + "2026-02-08T12:00:00Z,2025-11-30T12:00:00Z,198.51.100.9,2026-05-09T12:00:00Z,active,MEDIUM:stale,,,");
        assertThat(lines.get(2)).isEqualTo("Prod <EU>,<script>alert(1)</script>,key_s,mrk_live_…ab12,live,keys:manage,"
                + "2026-02-08T12:00:00Z,2026-03-10T11:00:00Z,198.51.100.9,2026-05-09T12:00:00Z,active,HIGH:broad-scopes,,,");
        assertThat(lines.get(3)).startsWith("Prod <EU>,\"billing, \"\"prod\"\"\",key_p,");
    }

    @Test
    void csvCellsStartingWithAnyFormulaCharacterGetAnApostrophe() {
        assertThat(CsvReport.cell("+1")).isEqualTo("'+1");
        assertThat(CsvReport.cell("-2")).isEqualTo("'-2");
        assertThat(CsvReport.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvReport.cell("\tx")).isEqualTo("'\tx");
        assertThat(CsvReport.cell("\rx")).isEqualTo("\"'\rx\"");
        assertThat(CsvReport.cell("=1,2")).isEqualTo("\"'=1,2\"");
        assertThat(CsvReport.cell("a\nb")).isEqualTo("\"a\nb\"");
        assertThat(CsvReport.cell("safe")).isEqualTo("safe");
    }

    @Test
    void htmlEscapesEveryValueAndLoadsNothing() {
        String html = ReportWriter.render(ReportFormat.HTML, data());

        assertThat(html).doesNotContain(SCRIPT).doesNotContain("<script").doesNotContain("Prod <EU>");
        assertThat(html).contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;<br><span class=\"mono muted\">key_s</span></td>");
        assertThat(html).contains("<td>=cmd|&#39; /C calc&#39;!A0<br><span class=\"mono muted\">key_f</span></td>");
        assertThat(html).contains("<b>Prod &lt;EU&gt;</b>").contains("billing, &quot;prod&quot;");
        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("src=")
                .doesNotContain("@import").doesNotContain("url(");
        assertThat(html).contains("default-src 'none'").contains("@media print").contains("page-break-inside:avoid");
        assertThat(html).contains("Not checked: Revoked key still in use &mdash; Fake gateway has no auth log.");
        assertThat(html).contains("Last used 100 days ago (threshold 90 days).");
    }

    @Test
    void jsonCarriesTheSameDataAndParsesBack() throws Exception {
        JsonNode root = new ObjectMapper().readTree(ReportWriter.render(ReportFormat.JSON, data()));

        assertThat(root.get("generated_at").asText()).isEqualTo("2026-03-10T12:00:00Z");
        assertThat(root.at("/summary/keys").asInt()).isEqualTo(3);
        assertThat(root.at("/summary/findings/high").asInt()).isEqualTo(1);
        assertThat(root.at("/summary/findings/medium").asInt()).isEqualTo(1);
        assertThat(root.at("/summary/connections/0/connection").asText()).isEqualTo("Prod <EU>");
        assertThat(root.at("/summary/connections/0/production").asBoolean()).isTrue();
        assertThat(root.at("/summary/connections/0/skipped_rules/0/rule").asText()).isEqualTo("revoked-key-attempts");
        assertThat(root.at("/keys/0/name").asText()).isEqualTo(FORMULA);
        assertThat(root.at("/keys/1/name").asText()).isEqualTo(SCRIPT);
        assertThat(root.at("/keys/1/key").asText()).isEqualTo("mrk_live_…ab12");
        assertThat(root.at("/keys/1/scopes/0").asText()).isEqualTo("keys:manage");
        assertThat(root.at("/keys/1/findings/0/rule").asText()).isEqualTo("broad-scopes");
        assertThat(root.at("/keys/1/findings/0/action").asText()).isEqualTo("rotate");
        assertThat(root.at("/keys/0/last_used_at").asText()).isEqualTo("2025-11-30T12:00:00Z");
        assertThat(root.at("/keys/0/status").asText()).isEqualTo("active");
        assertThat(root.at("/findings/0/severity").asText()).isEqualTo("high");
        assertThat(root.at("/findings/0/key_name").asText()).isEqualTo(SCRIPT);
        assertThat(root.at("/thresholds/stale_days").asInt()).isEqualTo(90);
    }

    @Test
    void writingReplacesTheFileWholeAndLeavesNoTemporaryFiles(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("reports/review.html");
        ReportWriter.write(ReportFormat.HTML, data(), out);
        ReportWriter.write(ReportFormat.CSV, data(), out);

        assertThat(Files.readString(out)).startsWith("connection,name,");
        try (var files = Files.list(out.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("review.html");
        }
    }

    @Test
    void noSecretShapedTextIsEverWritten() {
        for (ReportFormat format : ReportFormat.values()) {
            String text = ReportWriter.render(format, data());
            assertThat(io.keydeck.model.SecretShapes.find(text)).as(format.name()).isEmpty();
        }
    }

    @Test
    void findingsSpilledToDiskComeBackInReportOrder() throws Exception {
        List<ApiKey> keys = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ApiKey key = named(healthy("key_" + i), "svc-" + (char) ('z' - i % 26) + i);
            keys.add(switch (i % 4) {
                case 0 -> lastUsed(key, Duration.ofDays(100 + i));
                case 1 -> scopes(key, "mrk_live_", List.of("keys:manage"));
                case 2 -> ReviewKeys.expiresIn(key, null);
                default -> key;
            });
        }
        ReportData data = new ReportData(NOW, List.of(ReviewRules.run(new ReviewInput("Prod", true, keys, List.of(),
                Thresholds.DEFAULTS), NOW)));
        for (ReportFormat format : ReportFormat.values()) {
            java.io.ByteArrayOutputStream spilled = new java.io.ByteArrayOutputStream();
            try (StreamedReport report = StreamedReport.open(format, NOW, Thresholds.DEFAULTS, spilled, 3)) {
                for (ReportData.KeyRow row : data.rows()) {
                    report.key(row);
                }
                report.finish(List.of(ConnectionTotals.of(data.reviews().get(0))));
                assertThat(report.first(5)).extracting(Finding::reason)
                        .isEqualTo(data.findings().stream().limit(5).map(Finding::reason).toList());
            }
            assertThat(spilled.toString(java.nio.charset.StandardCharsets.UTF_8)).as(format.name())
                    .isEqualTo(ReportWriter.render(format, data));
        }
        assertThat(data.findings()).as("ten spilled runs of three").hasSizeGreaterThan(27);
    }
}
