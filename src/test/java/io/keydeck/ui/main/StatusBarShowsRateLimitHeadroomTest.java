package io.keydeck.ui.main;

import io.keydeck.model.RateLimitStatus;
import io.keydeck.ui.shell.ActiveConnection;
import io.keydeck.ui.AppServices;
import io.keydeck.session.ConnectionSession;
import io.keydeck.ui.FakeGatewayClient;
import io.keydeck.ui.TestKeys;
import io.keydeck.ui.common.StatusLine;
import org.junit.jupiter.api.Test;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import static org.assertj.core.api.Assertions.assertThat;

/** After each load the status bar says which connection, when it was refreshed and how much rate limit is left. */
class StatusBarShowsRateLimitHeadroomTest {
    private final ResourceBundle messages = ResourceBundle.getBundle(AppServices.MESSAGES, Locale.US);
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-10T14:05:09Z"), ZoneOffset.UTC);

    @Test
    void aFinishedLoadShowsTheRefreshTimeAndTheHeadroom() {
        FakeGatewayClient client = new FakeGatewayClient(TestKeys.many(3))
                .withRateLimit(new RateLimitStatus(20_000, 19_873, Instant.parse("2026-03-10T14:06:00Z")));
        ActiveConnection active = new ActiveConnection(ConnectionSession.of("Team gateway", false, client));
        StatusLine status = new StatusLine();
        StatusBarViewModel bar = new StatusBarViewModel(active, status, clock, messages);
        assertThat(bar.connectionProperty().get()).isEqualTo("Connection: Team gateway");
        assertThat(bar.rateLimitProperty().get()).isEmpty();

        status.busy("Loading keys…");
        status.show("Loaded 3 keys");

        assertThat(bar.refreshedProperty().get()).isEqualTo("Refreshed 14:05:09");
        NumberFormat numbers = NumberFormat.getIntegerInstance(Locale.getDefault(Locale.Category.FORMAT));
        assertThat(bar.rateLimitProperty().get())
                .isEqualTo("Rate limit: " + numbers.format(19_873) + " / " + numbers.format(20_000) + " left");
    }

    @Test
    void theHeadroomIsWrittenTheWayTheUsersLocaleWritesNumbers() {
        Locale before = Locale.getDefault(Locale.Category.FORMAT);
        try {
            Locale.setDefault(Locale.Category.FORMAT, Locale.GERMANY);
            StatusBarViewModel bar = new StatusBarViewModel(new ActiveConnection(null), new StatusLine(), clock, messages);
            assertThat(bar.describe(new RateLimitStatus(20_000, 19_873, null))).isEqualTo("Rate limit: 19.873 / 20.000 left");
            assertThat(bar.describe(new RateLimitStatus(-1, 1_250, null))).isEqualTo("Rate limit: 1.250 left");
            Locale.setDefault(Locale.Category.FORMAT, Locale.US);
            assertThat(bar.describe(new RateLimitStatus(20_000, 19_873, null))).isEqualTo("Rate limit: 19,873 / 20,000 left");
        } finally {
            Locale.setDefault(Locale.Category.FORMAT, before);
        }
    }

    @Test
    void noConnectionSaysSoAndShowsNoHeadroom() {
        StatusBarViewModel bar = new StatusBarViewModel(new ActiveConnection(null), new StatusLine(), clock, messages);

        assertThat(bar.connectionProperty().get()).isEqualTo("No connection");
        assertThat(bar.rateLimitProperty().get()).isEmpty();
    }

    @Test
    void onlyCompletedActionsRaiseANotification() {
        StatusLine status = new StatusLine();
        List<String> raised = new ArrayList<>();
        new StatusBarViewModel(new ActiveConnection(null), status, clock, messages).onCompletion(raised::add);

        status.show("Loaded 3 keys");
        status.notify("Saved usage.csv");

        assertThat(raised).containsExactly("Saved usage.csv");
        assertThat(status.textProperty().get()).isEqualTo("Saved usage.csv");
    }
}
