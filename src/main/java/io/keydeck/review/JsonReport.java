package io.keydeck.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Locale;

/** The same data as the CSV for programs: {@code generated_at}, {@code summary}, {@code findings}, {@code keys}. */
final class JsonReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    static String render(ReportData data) {
        ObjectNode root = JSON.createObjectNode();
        root.put("generated_at", data.generatedAt().toString());
        Thresholds t = data.thresholds();
        root.putObject("thresholds").put("never_used_days", t.neverUsedDays()).put("stale_days", t.staleDays())
                .put("expiring_soon_days", t.expiringSoonDays()).put("rotation_days", t.rotationDays())
                .put("near_limit_percent", SpendRules.NEAR_LIMIT_PERCENT).put("spend_spike_factor", SpendRules.SPIKE_FACTOR)
                .put("spend_spike_min_increase", SpendRules.SPIKE_MIN_INCREASE);
        ObjectNode summary = root.putObject("summary");
        summary.put("keys", data.keyCount());
        counts(summary.putObject("findings"), data.totals());
        ArrayNode connections = summary.putArray("connections");
        for (ConnectionReview review : data.reviews()) {
            ObjectNode c = connections.addObject();
            c.put("connection", review.connectionName());
            c.put("production", review.input().productionTagged());
            c.put("keys", review.keys().size());
            counts(c.putObject("findings"), review.counts());
            ArrayNode skipped = c.putArray("skipped_rules");
            review.skipped().forEach(s -> skipped.addObject().put("rule", s.rule().id()).put("reason", s.reason()));
        }
        ArrayNode findings = root.putArray("findings");
        data.findings().forEach(f -> finding(findings.addObject(), f).put("connection", f.connection())
                .put("key_id", f.key().id()).put("key_name", f.key().name()).put("key", f.key().hint()));
        ArrayNode keys = root.putArray("keys");
        for (ReportData.KeyRow row : data.rows()) {
            ObjectNode k = keys.addObject();
            k.put("connection", row.connection());
            k.put("name", row.key().name());
            k.put("id", row.key().id());
            k.put("key", row.key().hint());
            k.put("environment", row.key().environment().wireName());
            ArrayNode scopes = k.putArray("scopes");
            row.key().scopes().forEach(scopes::add);
            time(k, "created_at", row.key().createdAt());
            time(k, "last_used_at", row.key().lastUsedAt());
            k.put("last_used_ip", row.key().lastUsedIp());
            time(k, "expires_at", row.key().expiresAt());
            k.put("status", row.status().name().toLowerCase(Locale.ROOT));
            k.set("account", KeyAccountJson.of(row.key().account()));
            ArrayNode keyFindings = k.putArray("findings");
            row.findings().forEach(f -> finding(keyFindings.addObject(), f));
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A report tree always serialises", e);
        }
    }

    private static ObjectNode finding(ObjectNode node, Finding f) {
        return node.put("severity", f.severity().label()).put("rule", f.ruleId()).put("reason", f.reason())
                .put("action", f.action().label());
    }

    private static void counts(ObjectNode node, SeverityCounts counts) {
        node.put("total", counts.total()).put("high", counts.high()).put("medium", counts.medium())
                .put("low", counts.low());
    }

    private static void time(ObjectNode node, String field, Instant instant) {
        if (instant == null) {
            node.putNull(field);
        } else {
            node.put(field, instant.toString());
        }
    }
}
