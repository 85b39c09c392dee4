package io.keydeck.gateway.multiroute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keydeck.gateway.http.GatewayJson;
import io.keydeck.gateway.http.JsonFields;
import io.keydeck.model.Amount;
import io.keydeck.model.DailySpend;
import io.keydeck.model.KeyAccount;
import io.keydeck.model.KeyOwner;
import io.keydeck.model.LimitReset;
import io.keydeck.model.LimitSetting;
import io.keydeck.model.OwnerKind;
import io.keydeck.model.RateLimits;
import io.keydeck.model.SpendLimit;
import io.keydeck.model.SpendPeriod;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads and writes the key object's {@code spend}, {@code limits}, {@code allowed_models} and {@code owner}
 * (docs/sandbox-protocol-spend.md). A plain MultiRoute answer without them gives {@link KeyAccount#UNKNOWN};
 * a value KeyDeck cannot read is left unknown rather than failing the listing.
 */
final class MultiRouteAccount {
    private MultiRouteAccount() {
    }

    /** The parts of one key object; any may be null (absent). */
    static KeyAccount read(JsonNode spend, JsonNode limits, JsonNode models, JsonNode owner) {
        KeyAccount.Builder account = KeyAccount.builder();
        String unit = "USD";
        if (spend != null && spend.isObject()) {
            unit = unit(JsonFields.text(spend, "unit"));
            for (SpendPeriod period : SpendPeriod.values()) {
                account.spend(period, JsonFields.amount(spend, period.wireName(), unit));
            }
            for (JsonNode day : spend.path("daily")) {
                LocalDate date = date(JsonFields.text(day, "date"));
                Amount amount = JsonFields.amount(day, "amount", unit);
                if (date != null && amount != null) {
                    account.daily(new DailySpend(date, amount));
                }
            }
        }
        if (limits != null && limits.isObject()) {
            account.limitsReported();
            JsonNode budget = limits.path("budget");
            String budgetUnit = unit(JsonFields.text(budget, "unit"));
            Amount amount = JsonFields.amount(budget, "amount", budgetUnit);
            if (amount != null) {
                account.limit(new SpendLimit(amount, reset(JsonFields.text(budget, "reset")),
                        JsonFields.amount(budget, "remaining", budgetUnit), instant(JsonFields.text(budget, "resets_at")),
                        null));
            }
            account.rateLimits(new RateLimits(JsonFields.count(limits, "requests_per_minute"),
                    JsonFields.count(limits, "tokens_per_minute")));
        }
        if (models != null) {
            account.models(JsonFields.strings(models));
        }
        if (owner != null && owner.isObject()) {
            OwnerKind kind = OwnerKind.fromWire(JsonFields.text(owner, "kind"));
            String id = JsonFields.text(owner, "id");
            String name = JsonFields.text(owner, "display_name");
            if (kind != null && (id != null || name != null)) {
                JsonNode member = owner.path("member");
                account.owner(new KeyOwner(kind, id, name, member.isBoolean() ? member.booleanValue() : null));
            }
        }
        return account.build();
    }

    /** {@code limits} for a create or PATCH body: only the parts asked for (a PATCH merges). */
    static ObjectNode limits(LimitSetting limit, RateLimits rates) {
        ObjectNode limits = GatewayJson.mapper().createObjectNode();
        if (limit != null && limit.removes()) {
            limits.putNull("budget");
        } else if (limit != null) {
            ObjectNode budget = limits.putObject("budget");
            budget.put("amount", limit.amount().value());
            budget.put("unit", limit.amount().unit());
            budget.put("reset", limit.reset().wireName());
        }
        if (rates != null) {
            limits.put("requests_per_minute", rates.requestsPerMinute());
            limits.put("tokens_per_minute", rates.tokensPerMinute());
        }
        return limits;
    }

    /** A usage bucket's {@code cost} object ({@code {"amount","unit"}}); null when it holds no amount. */
    static Amount bucketCost(JsonNode cost) {
        return JsonFields.amount(cost, "amount", unit(JsonFields.text(cost, "unit")));
    }

    private static String unit(String text) {
        try {
            return Amount.unit(text);
        } catch (IllegalArgumentException e) {
            return text.strip().toLowerCase(Locale.ROOT).startsWith("credit") ? Amount.CREDITS : Amount.USD;
        }
    }

    private static LimitReset reset(String text) {
        try {
            return LimitReset.parse(text);
        } catch (IllegalArgumentException e) {
            return LimitReset.OTHER;
        }
    }

    private static LocalDate date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
