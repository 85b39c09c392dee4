package io.keydeck.review;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One row per key, in the spirit of a cloud credential report. RFC 4180 (CRLF, quotes doubled) and
 * safe to open in a spreadsheet: a cell starting with {@code = + - @}, tab or CR gets a leading
 * apostrophe so a key name can never run as a formula.
 */
final class CsvReport {
    static final List<String> HEADER = List.of("connection", "name", "id", "key", "environment", "scopes",
            "created", "last_used", "last_used_ip", "expires", "status", "findings", "owner", "spend", "limit");

    private CsvReport() {
    }

    static String render(ReportData data) {
        StringBuilder out = new StringBuilder();
        line(out, HEADER);
        for (ReportData.KeyRow row : data.rows()) {
            line(out, List.of(row.connection(), row.key().name(), row.key().id(), row.key().hint(),
                    row.key().environment().wireName(), String.join(" ", row.key().scopes()),
                    time(row.key().createdAt()), time(row.key().lastUsedAt()), nullToEmpty(row.key().lastUsedIp()),
                    time(row.key().expiresAt()), row.status().name().toLowerCase(Locale.ROOT),
                    row.findings().stream().map(f -> f.severity().name() + ":" + f.ruleId())
                            .collect(Collectors.joining("; ")), row.key().account().ownerText(),
                    row.key().account().spendText(), row.key().account().limitText()));
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append(cells.stream().map(CsvReport::cell).collect(Collectors.joining(","))).append("\r\n");
    }

    /** Neutralises formulas first, then quotes per RFC 4180 when needed. */
    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\r") || text.contains("\n")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static String time(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
