package io.keydeck.ui.review;

import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayDriver;
import io.keydeck.gateway.GatewayException;
import io.keydeck.model.ApiKey;
import io.keydeck.model.AuthEvent;
import io.keydeck.model.AuthEventQuery;
import io.keydeck.model.Capability;
import io.keydeck.review.ConnectionReview;
import io.keydeck.review.ReviewInput;
import io.keydeck.review.ReviewRules;
import io.keydeck.review.Thresholds;
import io.keydeck.session.ConnectionSession;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.ResourceBundle;

/**
 * Reviews one connection off the FX thread: every key (revoked ones included), the last
 * {@value #AUTH_LOG_DAYS} days of the auth log when the driver has one, then the rules.
 */
final class ConnectionReviewTask extends Task<ConnectionReviewTask.Outcome> {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionReviewTask.class);
    static final int AUTH_LOG_DAYS = 30;
    private static final int AUTH_PAGE = 500;
    private static final int AUTH_MAX_PAGES = 40;

    /** The review and the client that answered it (the fix buttons revoke through it). */
    record Outcome(ConnectionReview review, GatewayClient client) {
    }

    private final ConnectionSession session;
    private final boolean production;
    private final Thresholds thresholds;
    private final Instant now;
    private final ResourceBundle messages;

    ConnectionReviewTask(ConnectionSession session, boolean production, Thresholds thresholds, Instant now,
                         ResourceBundle messages) {
        this.session = session;
        this.production = production;
        this.thresholds = thresholds;
        this.now = now;
        this.messages = messages;
    }

    @Override
    protected Outcome call() throws GatewayException, InterruptedException {
        if (!session.isReady()) {
            updateMessage(session.openingMessage());
        }
        GatewayClient client = session.awaitClient();
        GatewayDriver driver = client.driver();
        if (!driver.capabilities().contains(Capability.LIST_KEYS)) {
            throw GatewayException.unsupported(driver.unsupportedReason(Capability.LIST_KEYS));
        }
        String name = session.displayName();
        List<ApiKey> keys = client.listAllKeys(true, count -> updateMessage(
                MessageFormat.format(messages.getString("review.loadingKeys"), name, count)));
        List<AuthEvent> events = null;
        String missing = null;
        if (!driver.capabilities().contains(Capability.AUTH_EVENTS)) {
            missing = driver.unsupportedReason(Capability.AUTH_EVENTS);
        } else {
            updateMessage(MessageFormat.format(messages.getString("review.loadingAuthLog"), name));
            try {
                events = authLog(client);
            } catch (GatewayException e) {
                LOG.warn("Reading the auth log of {} failed: {}", name, e.describe());
                missing = MessageFormat.format(messages.getString("review.authLogFailed"), e.describe());
            }
        }
        return new Outcome(ReviewRules.run(new ReviewInput(name, production, keys, events, thresholds, missing), now),
                client);
    }

    private List<AuthEvent> authLog(GatewayClient client) throws GatewayException, InterruptedException {
        return client.listAuthEvents(new AuthEventQuery(now.minus(Duration.ofDays(AUTH_LOG_DAYS)), null, null, null,
                AUTH_PAGE, null), AUTH_MAX_PAGES);
    }
}
