package io.keydeck.review;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * A report to read or print: summary, findings and key table in one file with inline CSS, no
 * scripts and nothing fetched (its Content-Security-Policy forbids it). Every value is escaped.
 */
final class HtmlReport implements ReportFormatWriter {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1f2328;\
            margin:24px;font-size:14px;line-height:1.4}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #d0d7de;\
            padding-bottom:4px}
            .muted{color:#59636e}.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}
            table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:5px 8px;\
            border-bottom:1px solid #d8dee4}
            th{background:#f6f8fa;font-weight:600;font-size:12.5px}
            .sev{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600}
            .sev-high{background:#ffebe9;color:#a40e26;border:1px solid #ff8182}
            .sev-medium{background:#fff8c5;color:#7d4e00;border:1px solid #d4a72c}
            .sev-low{background:#ddf4ff;color:#0550ae;border:1px solid #54aeff}
            .cards{display:flex;gap:12px;flex-wrap:wrap}.card{border:1px solid #d0d7de;border-radius:6px;\
            padding:10px 14px;min-width:220px}
            .card b{font-size:15px}.skipped{color:#7d4e00;font-size:12.5px;margin-top:6px}
            .num{text-align:right}
            @media print{body{margin:0;font-size:10.5pt}h2{page-break-after:avoid;break-after:avoid}\
            tr,.card{page-break-inside:avoid;break-inside:avoid}thead{display:table-header-group}\
            .keys{page-break-before:always;break-before:page}th{background:#eee!important}\
            .sev{border:1px solid #555!important}}
            """;

    private final Writer out;
    private final Instant generatedAt;
    private final Thresholds thresholds;
    private final TextSpool keyRows = new TextSpool();

    /** The summary and findings come first for a reader, so the key rows wait in a spool until the end. */
    HtmlReport(Writer out, Instant generatedAt, Thresholds thresholds) {
        this.out = out;
        this.generatedAt = generatedAt;
        this.thresholds = thresholds;
    }

    @Override
    public void key(ReportData.KeyRow row) throws IOException {
        StringBuilder h = new StringBuilder(1024);
        h.append("<tr><td>").append(esc(row.connection())).append("</td><td>").append(esc(row.key().name()))
                .append("<br><span class=\"mono muted\">").append(esc(row.key().id())).append("</span></td>")
                .append("<td class=\"mono\">").append(esc(row.key().hint())).append("</td><td>")
                .append(esc(row.key().environment().wireName())).append("</td><td class=\"mono\">")
                .append(esc(String.join(" ", row.key().scopes()))).append("</td><td>").append(day(row.key().createdAt()))
                .append("</td><td>").append(row.key().lastUsedAt() == null ? "never" : day(row.key().lastUsedAt()))
                .append(row.key().lastUsedIp() == null ? "" : "<br><span class=\"mono muted\">"
                        + esc(row.key().lastUsedIp()) + "</span>")
                .append("</td><td>").append(row.key().expiresAt() == null ? "none" : day(row.key().expiresAt()))
                .append("</td><td>").append(esc(row.status().name().toLowerCase(Locale.ROOT))).append("</td><td>")
                .append(esc(row.key().account().ownerText())).append("</td><td>")
                .append(esc(row.key().account().spendText())).append("</td><td>")
                .append(esc(row.key().account().limitText())).append("</td><td>");
        for (Finding f : row.findings()) {
            h.append(badge(f.severity())).append(' ').append(esc(f.ruleId())).append("<br>");
        }
        keyRows.append(h.append("</td></tr>\n"));
    }

    @Override
    public void end(List<ConnectionTotals> connections, Iterator<Finding> findings) throws IOException {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
                .append("<title>KeyDeck key review ").append(esc(WHEN.format(generatedAt))).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        header(h, connections);
        summary(h, connections);
        out.append(h);
        findings(findings);
        out.append("<h2 class=\"keys\">Keys</h2>\n<table>\n<thead><tr><th>Connection</th><th>Name</th><th>Key</th>")
                .append("<th>Env</th><th>Scopes</th><th>Created</th><th>Last used</th><th>Expires</th><th>Status</th>")
                .append("<th>Owner</th><th>Spend</th><th>Limit</th><th>Findings</th></tr></thead>\n<tbody>\n");
        keyRows.copyTo(out);
        out.append("</tbody>\n</table>\n</body>\n</html>\n");
    }

    @Override
    public void discard() throws IOException {
        keyRows.close();
    }

    private void header(StringBuilder h, List<ConnectionTotals> connections) {
        Thresholds t = thresholds;
        SeverityCounts totals = connections.stream().map(ConnectionTotals::counts)
                .reduce(SeverityCounts.NONE, SeverityCounts::plus);
        h.append("<h1>API key review</h1>\n<p class=\"muted\">Generated ").append(esc(WHEN.format(generatedAt)))
                .append(" by KeyDeck &middot; ").append(connections.size()).append(connections.size() == 1
                        ? " connection" : " connections").append(" &middot; ")
                .append(connections.stream().mapToInt(ConnectionTotals::keyCount).sum())
                .append(" keys &middot; ").append(totals.total()).append(" findings (").append(totals.high())
                .append(" high, ").append(totals.medium()).append(" medium, ").append(totals.low()).append(" low)</p>\n")
                .append("<p class=\"muted\">Thresholds: never used after ").append(t.neverUsedDays())
                .append(" days, stale after ").append(t.staleDays()).append(" days, expiring within ")
                .append(t.expiringSoonDays()).append(" days, rotation after ").append(t.rotationDays())
                .append(" days; near a limit at ").append(SpendRules.NEAR_LIMIT_PERCENT).append(" %, a spend spike at more")
                .append(" than ").append(SpendRules.SPIKE_FACTOR).append(" times the 7-day median and at least ")
                .append(SpendRules.SPIKE_MIN_INCREASE).append(" above it.</p>\n");
    }

    private static void summary(StringBuilder h, List<ConnectionTotals> connections) {
        h.append("<h2>Summary</h2>\n<div class=\"cards\">\n");
        for (ConnectionTotals review : connections) {
            SeverityCounts c = review.counts();
            h.append("<div class=\"card\"><b>").append(esc(review.connectionName())).append("</b>")
                    .append(review.productionTagged() ? " <span class=\"sev sev-high\">production</span>" : "")
                    .append("<br><span class=\"muted\">").append(review.keyCount()).append(" keys</span><br>")
                    .append(badge(Severity.HIGH)).append(' ').append(c.high()).append(" &nbsp; ")
                    .append(badge(Severity.MEDIUM)).append(' ').append(c.medium()).append(" &nbsp; ")
                    .append(badge(Severity.LOW)).append(' ').append(c.low());
            for (SkippedRule skipped : review.skipped()) {
                h.append("<div class=\"skipped\">Not checked: ").append(esc(skipped.rule().title())).append(" &mdash; ")
                        .append(esc(skipped.reason())).append("</div>");
            }
            h.append("</div>\n");
        }
        h.append("</div>\n");
    }

    private void findings(Iterator<Finding> findings) throws IOException {
        out.append("<h2>Findings</h2>\n");
        if (!findings.hasNext()) {
            out.append("<p>No findings.</p>\n");
            return;
        }
        out.append("<table>\n<thead><tr><th>Severity</th><th>Connection</th><th>Key</th><th>Reason</th><th>Fix</th>")
                .append("</tr></thead>\n<tbody>\n");
        while (findings.hasNext()) {
            Finding f = findings.next();
            out.append("<tr><td>").append(badge(f.severity())).append("</td><td>").append(esc(f.connection()))
                    .append("</td><td>").append(esc(f.key().name())).append("<br><span class=\"mono muted\">")
                    .append(esc(f.key().hint())).append("</span></td><td>").append(esc(f.reason())).append("</td><td>")
                    .append(esc(f.action().label())).append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    private static String badge(Severity severity) {
        return "<span class=\"sev sev-" + severity.label() + "\">" + severity.label() + "</span>";
    }

    private static String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant);
    }

    /** Escapes text for element content and quoted attributes. */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
