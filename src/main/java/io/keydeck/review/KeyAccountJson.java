package io.keydeck.review;

import com.fasterxml.jackson.core.JsonGenerator;
import io.keydeck.model.Amount;
import io.keydeck.model.KeyAccount;
import io.keydeck.model.KeyOwner;
import io.keydeck.model.SpendLimit;

import java.io.IOException;

/**
 * A key's {@link KeyAccount} as JSON, one shape for the JSON report and {@code keydeck keys list --json}:
 * {@code spend} per period, {@code limit}, {@code rate_limits}, {@code allowed_models}, {@code owners}.
 * Unknown parts are null (a limit that is known to be absent is {@code "limit": null} with
 * {@code "limits_reported": true}). Written straight to the generator, with no tree in between: a
 * listing writes one of these per key.
 */
public final class KeyAccountJson {
    private KeyAccountJson() {
    }

    /** Writes the account as the value of the field the generator is at (or of the array it is in). */
    public static void write(JsonGenerator g, KeyAccount account) throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart("spend");
        for (var spend : account.spend().entrySet()) {
            g.writeFieldName(spend.getKey().wireName());
            amount(g, spend.getValue());
        }
        g.writeEndObject();
        g.writeBooleanField("limits_reported", account.limitsReported());
        limit(g, account);
        g.writeObjectFieldStart("rate_limits");
        number(g, "requests_per_minute", account.rateLimits().requestsPerMinute());
        number(g, "tokens_per_minute", account.rateLimits().tokensPerMinute());
        g.writeEndObject();
        g.writeArrayFieldStart("allowed_models");
        for (String model : account.allowedModels()) {
            g.writeString(model);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("owners");
        for (KeyOwner owner : account.owners()) {
            g.writeStartObject();
            g.writeStringField("kind", owner.kind().wireName());
            g.writeStringField("id", owner.id());
            g.writeStringField("display_name", owner.displayName());
            g.writeFieldName("member");
            if (owner.member() == null) {
                g.writeNull();
            } else {
                g.writeBoolean(owner.member());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void limit(JsonGenerator g, KeyAccount account) throws IOException {
        SpendLimit limit = account.limit();
        if (limit == null) {
            g.writeNullField("limit");
            return;
        }
        g.writeObjectFieldStart("limit");
        g.writeFieldName("amount");
        amount(g, limit.amount());
        g.writeStringField("reset", limit.reset().wireName());
        if (limit.resetText() != null) {
            g.writeStringField("reset_text", limit.resetText());
        }
        g.writeFieldName("remaining");
        if (limit.remaining() == null) {
            g.writeNull();
        } else {
            amount(g, limit.remaining());
        }
        g.writeStringField("resets_at", limit.resetsAt() == null ? null : limit.resetsAt().toString());
        var used = account.limitUsed();
        if (used.isPresent()) {
            g.writeNumberField("used_percent", Math.floor(used.get() * 1000) / 10);
        } else {
            g.writeNullField("used_percent");
        }
        g.writeEndObject();
    }

    private static void number(JsonGenerator g, String field, Number value) throws IOException {
        g.writeFieldName(field);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeNumber(value.longValue());
        }
    }

    private static void amount(JsonGenerator g, Amount amount) throws IOException {
        g.writeStartObject();
        g.writeFieldName("amount");
        g.writeNumber(amount.value());
        g.writeStringField("unit", amount.unit());
        g.writeEndObject();
    }
}
