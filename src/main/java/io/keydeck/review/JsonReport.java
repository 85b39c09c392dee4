package io.keydeck.review;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The same data as the CSV for programs: {@code generated_at}, {@code thresholds}, {@code keys} (written as
 * they are reviewed), then {@code findings} and {@code summary}, which need every key seen. A report cut
 * short is left an unfinished document, which a JSON reader refuses.
 */
final class JsonReport implements ReportFormatWriter {
    private static final JsonFactory JSON = new JsonFactory();

    private final JsonGenerator g;

    JsonReport(Writer out, Instant generatedAt, Thresholds t) throws IOException {
        g = JSON.createGenerator(out).useDefaultPrettyPrinter();
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);
        g.writeStartObject();
        g.writeStringField("generated_at", generatedAt.toString());
        g.writeObjectFieldStart("thresholds");
        g.writeNumberField("never_used_days", t.neverUsedDays());
        g.writeNumberField("stale_days", t.staleDays());
        g.writeNumberField("expiring_soon_days", t.expiringSoonDays());
        g.writeNumberField("rotation_days", t.rotationDays());
        g.writeNumberField("near_limit_percent", SpendRules.NEAR_LIMIT_PERCENT);
        g.writeNumberField("spend_spike_factor", SpendRules.SPIKE_FACTOR);
        g.writeNumberField("spend_spike_min_increase", SpendRules.SPIKE_MIN_INCREASE);
        g.writeEndObject();
        g.writeArrayFieldStart("keys");
    }

    @Override
    public void key(ReportData.KeyRow row) throws IOException {
        g.writeStartObject();
        g.writeStringField("connection", row.connection());
        g.writeStringField("name", row.key().name());
        g.writeStringField("id", row.key().id());
        g.writeStringField("key", row.key().hint());
        g.writeStringField("environment", row.key().environment().wireName());
        g.writeArrayFieldStart("scopes");
        for (String scope : row.key().scopes()) {
            g.writeString(scope);
        }
        g.writeEndArray();
        time("created_at", row.key().createdAt());
        time("last_used_at", row.key().lastUsedAt());
        g.writeStringField("last_used_ip", row.key().lastUsedIp());
        time("expires_at", row.key().expiresAt());
        g.writeStringField("status", row.status().name().toLowerCase(Locale.ROOT));
        g.writeFieldName("account");
        KeyAccountJson.write(g, row.key().account());
        g.writeArrayFieldStart("findings");
        for (Finding f : row.findings()) {
            g.writeStartObject();
            finding(f);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    @Override
    public void end(List<ConnectionTotals> connections, Iterator<Finding> findings) throws IOException {
        g.writeEndArray();
        g.writeArrayFieldStart("findings");
        while (findings.hasNext()) {
            Finding f = findings.next();
            g.writeStartObject();
            finding(f);
            g.writeStringField("connection", f.connection());
            g.writeStringField("key_id", f.key().id());
            g.writeStringField("key_name", f.key().name());
            g.writeStringField("key", f.key().hint());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("summary");
        g.writeNumberField("keys", connections.stream().mapToInt(ConnectionTotals::keyCount).sum());
        counts("findings", connections.stream().map(ConnectionTotals::counts)
                .reduce(SeverityCounts.NONE, SeverityCounts::plus));
        g.writeArrayFieldStart("connections");
        for (ConnectionTotals c : connections) {
            g.writeStartObject();
            g.writeStringField("connection", c.connectionName());
            g.writeBooleanField("production", c.productionTagged());
            g.writeNumberField("keys", c.keyCount());
            counts("findings", c.counts());
            g.writeArrayFieldStart("skipped_rules");
            for (SkippedRule s : c.skipped()) {
                g.writeStartObject();
                g.writeStringField("rule", s.rule().id());
                g.writeStringField("reason", s.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
        g.writeRaw('\n');
        g.flush();
    }

    @Override
    public void flush() throws IOException {
        g.flush();
    }

    private void finding(Finding f) throws IOException {
        g.writeStringField("severity", f.severity().label());
        g.writeStringField("rule", f.ruleId());
        g.writeStringField("reason", f.reason());
        g.writeStringField("action", f.action().label());
    }

    private void counts(String field, SeverityCounts counts) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeNumberField("total", counts.total());
        g.writeNumberField("high", counts.high());
        g.writeNumberField("medium", counts.medium());
        g.writeNumberField("low", counts.low());
        g.writeEndObject();
    }

    private void time(String field, Instant instant) throws IOException {
        g.writeStringField(field, instant == null ? null : instant.toString());
    }
}
