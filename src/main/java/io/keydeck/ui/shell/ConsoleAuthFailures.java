package io.keydeck.ui.shell;

import io.keydeck.gateway.GatewayException;
import io.keydeck.model.AuthEvent;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The 401 and 403 answers this console itself got on admin calls, so a token that lost a scope or
 * expired shows up in the auth log beside the gateway's own records. Kept in memory only, newest
 * first, at most {@link #LIMIT}; it holds what the gateway said (status, code, message, request id)
 * and what the console was doing — never the token. Report and read on the FX thread.
 */
public final class ConsoleAuthFailures {
    /** Marks events that came from this console rather than from the gateway's log. */
    public static final String ID_PREFIX = "console_";
    /** What the user-agent column shows for them. */
    public static final String USER_AGENT = "KeyDeck (this console)";
    static final int LIMIT = 1_000;

    private final Clock clock;
    private final ObservableList<AuthEvent> failures = FXCollections.observableArrayList();
    private final AtomicLong sequence = new AtomicLong();

    public ConsoleAuthFailures(Clock clock) {
        this.clock = clock;
    }

    /**
     * Records {@code failure} if it is an authentication or authorization failure; anything else is
     * ignored, so callers may pass every failure.
     *
     * @param connection the connection's display name
     * @param action     what the console was doing, e.g. {@code GET /v1/api-keys}
     * @return true when it was recorded
     */
    public boolean report(String connection, String action, GatewayException failure) {
        if (failure.kind() != GatewayException.Kind.UNAUTHENTICATED
                && failure.kind() != GatewayException.Kind.FORBIDDEN) {
            return false;
        }
        int status = failure.httpStatus() > 0 ? failure.httpStatus()
                : failure.kind() == GatewayException.Kind.UNAUTHENTICATED ? 401 : 403;
        String[] methodAndPath = action.split(" ", 2);
        String method = methodAndPath.length == 2 ? methodAndPath[0] : "";
        String path = methodAndPath.length == 2 ? methodAndPath[1] : action;
        AuthEvent event = new AuthEvent(ID_PREFIX + sequence.incrementAndGet(), clock.instant(), status,
                status == 401 ? "authentication_error" : "permission_error",
                failure.code() == null ? failure.kind().name().toLowerCase(java.util.Locale.ROOT) : failure.code(),
                failure.getMessage(), failure.requestId(), "", "", null, connection, USER_AGENT, method, path);
        failures.add(0, event);
        if (failures.size() > LIMIT) {
            failures.remove(LIMIT, failures.size());
        }
        return true;
    }

    /** Newest first. */
    public ObservableList<AuthEvent> failures() {
        return failures;
    }

    public static boolean isFromConsole(AuthEvent event) {
        return event.id() != null && event.id().startsWith(ID_PREFIX);
    }
}
