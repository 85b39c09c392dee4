package io.keydeck.session;

import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayDriver;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.PagesBehind;
import io.keydeck.model.ApiKey;
import io.keydeck.model.AuthEvent;
import io.keydeck.model.AuthEventQuery;
import io.keydeck.model.Capability;
import io.keydeck.review.ConnectionReview;
import io.keydeck.review.ConnectionTotals;
import io.keydeck.review.ReportData;
import io.keydeck.review.ReviewInput;
import io.keydeck.review.ReviewRules;
import io.keydeck.review.StreamedReview;
import io.keydeck.review.Thresholds;
import io.keydeck.settings.ReviewThresholds;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What a security review of one gateway looks at, gathered the same way for the Review view and
 * {@code keydeck report}: every key (revoked ones included), the last {@value #AUTH_LOG_DAYS} days of
 * the auth log when the driver has one (its absence or failure is named, not hidden), then the rules.
 */
public final class ReviewGathering {
    public static final int AUTH_LOG_DAYS = 30;
    private static final int AUTH_PAGE = 500;
    private static final int AUTH_MAX_PAGES = 40;

    /** Where the gathering is, for a progress line; any thread. */
    public interface Progress {
        Progress NONE = new Progress() {
        };

        default void keysLoaded(int count) {
        }

        default void readingAuthLog() {
        }
    }

    private ReviewGathering() {
    }

    /**
     * Reviews the gateway behind {@code client} under {@code name}; {@code authLogFailed} phrases why the
     * auth log could not be read (the review goes on without it).
     */
    public static ConnectionReview review(GatewayClient client, String name, boolean production, Thresholds thresholds,
                                          Instant now, Progress progress,
                                          Function<GatewayException, String> authLogFailed)
            throws GatewayException, InterruptedException {
        requireKeyListing(client.driver());
        List<ApiKey> keys = client.listAllKeys(true, progress::keysLoaded);
        if (client.driver().capabilities().contains(Capability.AUTH_EVENTS)) {
            progress.readingAuthLog();
        }
        return ReviewRules.run(authLog(client, name, production, thresholds, now, authLogFailed).withKeys(keys), now);
    }

    /**
     * The same review key by key as the pages arrive, holding about a page: the auth log first (it is
     * bounded), then each key goes to {@code eachKey} with its findings, and {@code afterEachPage} runs
     * after each page, on a thread of its own while the next page downloads ({@link PagesBehind}). Returns the connection's totals for the report's summary.
     */
    public static ConnectionTotals reviewEachKey(GatewayClient client, String name, boolean production,
                                                 Thresholds thresholds, Instant now,
                                                 Function<GatewayException, String> authLogFailed,
                                                 Consumer<ReportData.KeyRow> eachKey, Runnable afterEachPage)
            throws GatewayException, InterruptedException {
        requireKeyListing(client.driver());
        StreamedReview review = new StreamedReview(authLog(client, name, production, thresholds, now, authLogFailed),
                now, eachKey);
        try (PagesBehind<ApiKey> behind = new PagesBehind<>(page -> {
            review.keys(page);
            afterEachPage.run();
        })) {
            client.eachKeyPage(true, behind);
            behind.finish();
        }
        return review.finish();
    }

    private static void requireKeyListing(GatewayDriver driver) throws GatewayException {
        if (!driver.capabilities().contains(Capability.LIST_KEYS)) {
            throw GatewayException.unsupported(driver.unsupportedReason(Capability.LIST_KEYS));
        }
    }

    /** What the rules look at besides the keys: the last days of the auth log, or why it is missing. */
    private static ReviewInput authLog(GatewayClient client, String name, boolean production, Thresholds thresholds,
                                       Instant now, Function<GatewayException, String> authLogFailed)
            throws InterruptedException {
        GatewayDriver driver = client.driver();
        List<AuthEvent> events = null;
        String missing;
        if (!driver.capabilities().contains(Capability.AUTH_EVENTS)) {
            missing = driver.unsupportedReason(Capability.AUTH_EVENTS);
        } else {
            try {
                events = client.listAuthEvents(new AuthEventQuery(now.minus(Duration.ofDays(AUTH_LOG_DAYS)), null,
                        null, null, AUTH_PAGE, null), AUTH_MAX_PAGES);
                missing = null;
            } catch (GatewayException e) {
                missing = authLogFailed.apply(e);
            }
        }
        return new ReviewInput(name, production, List.of(), events, thresholds, missing);
    }

    /** The thresholds saved in the preferences, as the rules take them. */
    public static Thresholds thresholds(ReviewThresholds saved) {
        return new Thresholds(saved.neverUsedDays(), saved.staleDays(), saved.expiringSoonDays(),
                saved.rotationDays());
    }
}
