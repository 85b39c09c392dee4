package io.keydeck.ui.main;

import io.keydeck.gateway.GatewayClient;
import io.keydeck.model.RateLimitStatus;
import io.keydeck.ui.shell.ActiveConnection;
import io.keydeck.session.ConnectionSession;
import io.keydeck.ui.common.StatusLine;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.text.MessageFormat;
import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The right-hand side of the status bar: which connection is shown, when its data was last loaded and
 * how much of the gateway's rate limit is left, so a user knows how fresh the numbers are.
 */
public final class StatusBarViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ActiveConnection active;
    private final StatusLine status;
    private final Clock clock;
    private final ResourceBundle messages;
    private final ReadOnlyStringWrapper connection = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper refreshed = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper rateLimit = new ReadOnlyStringWrapper("");

    public StatusBarViewModel(ActiveConnection active, StatusLine status, Clock clock, ResourceBundle messages) {
        this.active = active;
        this.status = status;
        this.clock = clock;
        this.messages = messages;
        active.sessionProperty().addListener((obs, old, session) -> showConnection(session));
        showConnection(active.sessionProperty().get());
        // A view's load ends when the status line goes from busy to idle: that is a refresh.
        status.progressProperty().addListener((obs, old, now) -> {
            if (old.doubleValue() < 0 && now.doubleValue() >= 0) {
                refreshed();
            }
        });
    }

    private void showConnection(ConnectionSession session) {
        connection.set(session == null ? messages.getString("statusbar.noConnection")
                : MessageFormat.format(messages.getString("statusbar.connection"), session.displayName()));
        refreshed.set("");
        rateLimit.set("");
    }

    /** Notes that the shown data was just loaded and reads the gateway's latest rate-limit headers. */
    public void refreshed() {
        refreshed.set(MessageFormat.format(messages.getString("statusbar.refreshed"),
                LocalTime.now(clock).format(TIME)));
        rateLimit.set(client().flatMap(GatewayClient::lastRateLimit).map(this::describe).orElse(""));
    }

    private Optional<GatewayClient> client() {
        ConnectionSession session = active.sessionProperty().get();
        if (session == null || !session.isReady()) {
            return Optional.empty();
        }
        return Optional.ofNullable(session.opened().toCompletableFuture().getNow(null));
    }

    String describe(RateLimitStatus limit) {
        if (limit.remaining() < 0) {
            return "";
        }
        return limit.limit() < 0
                ? MessageFormat.format(messages.getString("statusbar.rateLeft"), limit.remaining())
                : MessageFormat.format(messages.getString("statusbar.rateLimit"), limit.remaining(), limit.limit());
    }

    /** Completed actions ({@link StatusLine#notify(String)}), for the window to pop up. */
    public void onCompletion(java.util.function.Consumer<String> listener) {
        status.onCompletion(listener);
    }

    public ReadOnlyStringProperty connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty refreshedProperty() {
        return refreshed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rateLimitProperty() {
        return rateLimit.getReadOnlyProperty();
    }
}
