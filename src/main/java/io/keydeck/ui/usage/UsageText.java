package io.keydeck.ui.usage;

import io.keydeck.model.Amount;
import io.keydeck.model.UsageBucket;
import io.keydeck.usage.UsageBreakdown;
import io.keydeck.usage.UsageMetric;
import io.keydeck.usage.UsageRange;
import io.keydeck.usage.UsageTotals;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/** How the Usage view words its figures: card values and changes, ranges, and one hovered point. */
final class UsageText {
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final ResourceBundle messages;
    private final NumberFormat whole = NumberFormat.getIntegerInstance(Locale.getDefault());
    private final NumberFormat compact = NumberFormat.getCompactNumberInstance(Locale.getDefault(),
            NumberFormat.Style.SHORT);

    UsageText(ResourceBundle messages) {
        this.messages = messages;
        compact.setMaximumFractionDigits(1);
    }

    /**
     * A percentage against the previous range is only shown on a base worth comparing with: the previous
     * range had at least a {@value #MIN_BASE_SHARE}th of this range's figure (so at most +1900 %) and at least
     * {@value #MIN_BASE_REQUESTS} requests / {@value #MIN_BASE_TOKENS} tokens / 1 active key. Below that the
     * card says "new" and how little there was; the error rate is compared only from
     * {@value #MIN_BASE_REQUESTS} requests before.
     */
    static final int MIN_BASE_SHARE = 20;
    static final long MIN_BASE_REQUESTS = 20;
    static final long MIN_BASE_TOKENS = 1_000;
    /** A cost is compared from a cent (or a hundredth credit) spent in the previous range. */
    static final long MIN_BASE_COST_MICROS = 10_000;

    List<SummaryCard> cards(UsageBreakdown now, UsageBreakdown before) {
        return cards(now, before, null);
    }

    /** {@code costNote}: why the gateway sent no cost for this range, if it said ({@code UsageSeries.costNote}). */
    List<SummaryCard> cards(UsageBreakdown now, UsageBreakdown before, String costNote) {
        UsageTotals a = now.totals();
        UsageTotals b = before.totals();
        return List.of(
                relative("usage.card.requests", whole.format(a.requests()), a.requests(), b.requests(),
                        MIN_BASE_REQUESTS, whole.format(b.requests())),
                relative("usage.card.tokens", compact.format(a.tokens()), a.tokens(), b.tokens(), MIN_BASE_TOKENS,
                        compact.format(b.tokens())),
                spend(now, before, costNote),
                points(a.errorRatePercent(), b.errorRatePercent(), b.requests()),
                relative("usage.card.activeKeys", whole.format(now.activeKeys()), now.activeKeys(),
                        before.activeKeys(), 1, whole.format(before.activeKeys())));
    }

    /**
     * The range's spend, or "not reported" (never $0.00) when the gateway sent no cost with its usage — pointing to
     * the Spend chart, which says why, when the gateway gave a reason.
     */
    private SummaryCard spend(UsageBreakdown now, UsageBreakdown before, String costNote) {
        String unit = now.costUnit();
        if (unit == null) {
            return new SummaryCard(messages.getString("usage.card.spend"), messages.getString("usage.notReported"),
                    messages.getString(costNote == null ? "usage.change.costNotReported" : "usage.change.costNoted"),
                    SummaryCard.Trend.FLAT);
        }
        long a = now.totals().costMicros();
        long b = unit.equals(before.costUnit()) ? before.totals().costMicros() : 0;
        return relative("usage.card.spend", money(a, unit), a, b, MIN_BASE_COST_MICROS, money(b, unit));
    }

    private static String money(long micros, String unit) {
        return new Amount(BigDecimal.valueOf(micros, 6), unit).display();
    }

    private SummaryCard relative(String title, String value, long now, long before, long minBase, String beforeText) {
        if (before == 0) {
            return new SummaryCard(messages.getString(title), value,
                    messages.getString(now == 0 ? "usage.change.none" : "usage.change.new"),
                    now == 0 ? SummaryCard.Trend.FLAT : SummaryCard.Trend.NEW);
        }
        if (before < minBase || before * MIN_BASE_SHARE < now) {
            return new SummaryCard(messages.getString(title), value,
                    MessageFormat.format(messages.getString("usage.change.smallBase"), beforeText),
                    SummaryCard.Trend.NEW);
        }
        double percent = 100.0 * (now - before) / before;
        return new SummaryCard(messages.getString(title), value,
                MessageFormat.format(messages.getString("usage.change.percent"), signed(percent)), trend(percent));
    }

    private SummaryCard points(double now, double before, long requestsBefore) {
        String value = String.format(Locale.getDefault(), "%.2f %%", now);
        if (requestsBefore < MIN_BASE_REQUESTS) {
            return new SummaryCard(messages.getString("usage.card.errorRate"), value,
                    requestsBefore == 0 ? messages.getString("usage.change.none")
                            : MessageFormat.format(messages.getString("usage.change.fewRequests"),
                            whole.format(requestsBefore)), SummaryCard.Trend.FLAT);
        }
        double delta = now - before;
        return new SummaryCard(messages.getString("usage.card.errorRate"), value,
                MessageFormat.format(messages.getString("usage.change.points"), signed(delta)), trend(delta));
    }

    private static String signed(double value) {
        return String.format(Locale.getDefault(), "%+.1f", value);
    }

    private static SummaryCard.Trend trend(double change) {
        return Math.abs(change) < 0.05 ? SummaryCard.Trend.FLAT : change > 0 ? SummaryCard.Trend.UP : SummaryCard.Trend.DOWN;
    }

    String range(UsageRange range) {
        DateTimeFormatter format = range.bucket() == UsageBucket.DAY ? DAY : HOUR;
        Instant shownEnd = range.bucket() == UsageBucket.DAY ? range.end().minus(range.bucket().width()) : range.end();
        return MessageFormat.format(messages.getString("usage.range"), format.format(range.start()),
                format.format(shownEnd), messages.getString("usage.bucket." + range.bucket().wireName()));
    }

    /** {@code costUnit}: the unit of a {@link UsageMetric#COST} value. */
    String point(String name, Instant bucketStart, UsageBucket bucket, UsageMetric metric, double value,
                 boolean partial, String costUnit) {
        String when = (bucket == UsageBucket.DAY ? DAY : HOUR).format(bucketStart) + " UTC"
                + (partial ? " " + messages.getString("usage.partialPoint") : "");
        return MessageFormat.format(messages.getString("usage.point"), name, when, value(metric, value, costUnit),
                metricName(metric));
    }

    String value(UsageMetric metric, double value, String costUnit) {
        return switch (metric) {
            case ERROR_RATE -> String.format(Locale.getDefault(), "%.2f %%", value);
            case COST -> costUnit == null ? messages.getString("usage.notReported")
                    : money(Math.round(value * 1_000_000), costUnit);
            default -> whole.format(Math.round(value));
        };
    }

    String metricName(UsageMetric metric) {
        return messages.getString("usage.metric." + metric.name().toLowerCase(Locale.ROOT));
    }
}
