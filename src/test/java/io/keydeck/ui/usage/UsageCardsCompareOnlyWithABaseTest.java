package io.keydeck.ui.usage;

import io.keydeck.model.UsageBucket;
import io.keydeck.model.UsagePoint;
import io.keydeck.ui.AppServices;
import io.keydeck.usage.UsageBreakdown;
import io.keydeck.usage.UsageRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A card compares with the previous range only on a base worth comparing with: "+3354.7 % vs previous"
 * after a nearly empty range says "new: only 29 in the previous range" instead.
 */
class UsageCardsCompareOnlyWithABaseTest {
    private static final Instant START = Instant.parse("2026-03-03T00:00:00Z");
    private static final UsageRange NOW = new UsageRange(START, START.plus(Duration.ofDays(7)), UsageBucket.HOUR);
    private static final UsageRange BEFORE = NOW.previous();

    private final Locale before = Locale.getDefault();
    private UsageText text;

    @BeforeEach
    void inEnglish() {
        Locale.setDefault(Locale.ENGLISH);
        text = new UsageText(ResourceBundle.getBundle(AppServices.MESSAGES));
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(before);
    }

    /** {@code requests} spread over {@code keys} keys, one request in ten an error, 100 tokens a request. */
    private static UsageBreakdown traffic(UsageRange range, long requests, int keys) {
        List<UsagePoint> points = new ArrayList<>();
        for (int k = 0; k < keys; k++) {
            long share = requests / keys + (k < requests % keys ? 1 : 0);
            points.add(new UsagePoint("key_" + k, range.bucketStart(k), share, share * 60, share * 40, share / 10));
        }
        return UsageBreakdown.of(range, points);
    }

    private SummaryCard card(List<SummaryCard> cards, String title) {
        return cards.stream().filter(c -> c.title().equals(title)).findFirst().orElseThrow();
    }

    @Test
    void aRiseFromAlmostNothingIsCalledNewNotThousandsOfPercent() {
        List<SummaryCard> cards = text.cards(traffic(NOW, 1000, 4), traffic(BEFORE, 29, 4));

        SummaryCard requests = card(cards, "Requests");
        assertThat(requests.change()).isEqualTo("new: only 29 in the previous range").doesNotContain("%");
        assertThat(requests.trend()).isEqualTo(SummaryCard.Trend.NEW);
        assertThat(card(cards, "Tokens").change()).startsWith("new: only 2.9K");
        assertThat(card(cards, "Active keys").change()).isEqualTo("+0.0 % vs previous");
    }

    @Test
    void belowTheMinimumBaseThereIsNoPercentageEvenForAModestRise() {
        List<SummaryCard> cards = text.cards(traffic(NOW, 30, 2), traffic(BEFORE, 12, 2));

        assertThat(card(cards, "Requests").change()).isEqualTo("new: only 12 in the previous range");
        assertThat(card(cards, "Error rate").change()).isEqualTo("not compared: only 12 requests in the previous range");
        assertThat(card(cards, "Error rate").trend()).isEqualTo(SummaryCard.Trend.FLAT);
    }

    @Test
    void aComparableBaseStillGetsItsPercentage() {
        List<SummaryCard> cards = text.cards(traffic(NOW, 1000, 4), traffic(BEFORE, 500, 2));

        assertThat(card(cards, "Requests").change()).isEqualTo("+100.0 % vs previous");
        assertThat(card(cards, "Requests").trend()).isEqualTo(SummaryCard.Trend.UP);
        assertThat(card(cards, "Active keys").change()).isEqualTo("+100.0 % vs previous");
        assertThat(card(cards, "Error rate").change()).endsWith("pp vs previous");
        // exactly a twentieth before is still compared (+1900 %); less is not
        assertThat(card(text.cards(traffic(NOW, 2000, 1), traffic(BEFORE, 100, 1)), "Requests").change())
                .isEqualTo("+1900.0 % vs previous");
        assertThat(card(text.cards(traffic(NOW, 2001, 1), traffic(BEFORE, 100, 1)), "Requests").change())
                .isEqualTo("new: only 100 in the previous range");
    }
}
