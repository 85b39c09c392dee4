package io.keydeck.ui.authlog;

import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayException;
import io.keydeck.model.ApiKey;
import io.keydeck.model.AuthEvent;
import io.keydeck.model.AuthEventQuery;
import io.keydeck.model.Page;
import io.keydeck.session.ConnectionSession;
import javafx.concurrent.Task;

import java.util.List;

/** The gateway calls behind the Auth log, as tasks for the app's pool; their bodies never touch the FX thread. */
final class AuthEventRequests {
    private static final int MAX_POLL_PAGES = 20;

    /**
     * The first page of events and every key (revoked ones too); a failure to list keys is kept, not thrown.
     * {@code client} is the one that answered, for acting on a signal's key.
     */
    record FirstPage(Page<AuthEvent> page, List<ApiKey> keys, GatewayException keysFailure, GatewayClient client) {
    }

    private AuthEventRequests() {
    }

    static Task<FirstPage> firstPage(ConnectionSession session, AuthEventQuery query) {
        return new Task<>() {
            @Override
            protected FirstPage call() throws Exception {
                if (!session.isReady()) {
                    updateMessage(session.openingMessage());
                }
                GatewayClient client = session.awaitClient();
                Page<AuthEvent> page = client.authEvents(query);
                List<ApiKey> keys;
                GatewayException keysFailure = null;
                try {
                    keys = client.listAllKeys(true, n -> { });
                } catch (GatewayException e) {
                    keys = List.of();
                    keysFailure = e;
                }
                return new FirstPage(page, keys, keysFailure, client);
            }
        };
    }

    static Task<Page<AuthEvent>> page(ConnectionSession session, AuthEventQuery query) {
        return new Task<>() {
            @Override
            protected Page<AuthEvent> call() throws Exception {
                return session.awaitClient().authEvents(query);
            }
        };
    }

    /** Every event {@code query} matches, following the cursor for at most {@value #MAX_POLL_PAGES} pages. */
    static Task<List<AuthEvent>> allPages(ConnectionSession session, AuthEventQuery query) {
        return new Task<>() {
            @Override
            protected List<AuthEvent> call() throws Exception {
                return session.awaitClient().listAuthEvents(query, MAX_POLL_PAGES);
            }
        };
    }
}
