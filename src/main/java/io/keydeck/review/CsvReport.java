package io.keydeck.review;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One row per key, in the spirit of a cloud credential report. RFC 4180 (CRLF, quotes doubled) and
 * safe to open in a spreadsheet: a cell starting with {@code = + - @}, tab or CR gets a leading
 * apostrophe so a key name can never run as a formula.
 */
final class CsvReport implements ReportFormatWriter {
    static final List<String> HEADER = List.of("connection", "name", "id", "key", "environment", "scopes",
            "created", "last_used", "last_used_ip", "expires", "status", "findings", "owner", "spend", "limit");

    private final Writer out;

    CsvReport(Writer out) throws IOException {
        this.out = out;
        line(HEADER);
    }

    @Override
    public void key(ReportData.KeyRow row) throws IOException {
        line(List.of(row.connection(), row.key().name(), row.key().id(), row.key().hint(),
                row.key().environment().wireName(), String.join(" ", row.key().scopes()),
                time(row.key().createdAt()), time(row.key().lastUsedAt()), nullToEmpty(row.key().lastUsedIp()),
                time(row.key().expiresAt()), row.status().name().toLowerCase(Locale.ROOT),
                row.findings().stream().map(f -> f.severity().name() + ":" + f.ruleId())
                        .collect(Collectors.joining("; ")), row.key().account().ownerText(),
                row.key().account().spendText(), row.key().account().limitText()));
    }

    @Override
    public void end(List<ConnectionTotals> connections, Iterator<Finding> findings) {
    }

    private void line(List<String> cells) throws IOException {
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
