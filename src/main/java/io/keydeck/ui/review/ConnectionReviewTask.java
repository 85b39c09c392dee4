package io.keydeck.ui.review;

import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayException;
import io.keydeck.review.ConnectionReview;
import io.keydeck.review.Thresholds;
import io.keydeck.session.ConnectionSession;
import io.keydeck.session.ReviewGathering;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.MessageFormat;
import java.time.Instant;
import java.util.ResourceBundle;

/**
 * Reviews one connection off the FX thread: every key (revoked ones included), the last
 * {@value ReviewGathering#AUTH_LOG_DAYS} days of the auth log when the driver has one, then the rules.
 */
final class ConnectionReviewTask extends Task<ConnectionReviewTask.Outcome> {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionReviewTask.class);

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
        String name = session.displayName();
        ConnectionReview review = ReviewGathering.review(client, name, production, thresholds, now,
                new ReviewGathering.Progress() {
                    @Override
                    public void keysLoaded(int count) {
                        updateMessage(MessageFormat.format(messages.getString("review.loadingKeys"), name, count));
                    }

                    @Override
                    public void readingAuthLog() {
                        updateMessage(MessageFormat.format(messages.getString("review.loadingAuthLog"), name));
                    }
                }, e -> {
                    LOG.warn("Reading the auth log of {} failed: {}", name, e.describe());
                    return MessageFormat.format(messages.getString("review.authLogFailed"), e.describe());
                });
        return new Outcome(review, client);
    }
}
