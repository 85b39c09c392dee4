package io.keydeck.ui.review;

import io.keydeck.gateway.GatewayClient;
import io.keydeck.model.Capability;
import io.keydeck.review.Finding;
import io.keydeck.review.FixAction;
import io.keydeck.ui.shell.ActiveConnection;
import io.keydeck.session.ConnectionSession;
import io.keydeck.ui.shell.Navigation;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.StatusLine;
import io.keydeck.ui.keys.RevokeKeysViewModel;
import io.keydeck.ui.journal.WindowJournal;
import javafx.collections.ListChangeListener;

import java.text.MessageFormat;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.BiConsumer;

/**
 * The fixes a finding offers: revoke here through the shared confirmation and the client that reviewed
 * the key, or open the key in the Keys view where rotate and set expiry live; runs on the FX thread.
 */
final class FindingFixes {
    private final List<ConnectionSession> connections;
    private final ConnectionReviews reviews;
    private final ActiveConnection active;
    private final BackgroundTasks tasks;
    private final ResourceBundle messages;
    private final Clock clock;
    private final StatusLine status;
    private final Navigation navigation;
    private final BiConsumer<ConnectionSession, String> afterRevoked;
    private WindowJournal journal;

    /** {@code afterRevoked} gets the connection of a key the gateway revoked and the status line's answer. */
    FindingFixes(List<ConnectionSession> connections, ConnectionReviews reviews, ActiveConnection active,
                 BackgroundTasks tasks, ResourceBundle messages, Clock clock, StatusLine status,
                 Navigation navigation, BiConsumer<ConnectionSession, String> afterRevoked) {
        this.connections = connections;
        this.reviews = reviews;
        this.active = active;
        this.tasks = tasks;
        this.messages = messages;
        this.clock = clock;
        this.status = status;
        this.navigation = navigation;
        this.afterRevoked = afterRevoked;
    }

    void journalTo(WindowJournal journal) {
        this.journal = journal;
    }

    Optional<String> actionUnavailable(Finding finding) {
        if (finding.action() != FixAction.REVOKE) {
            return Optional.empty();
        }
        GatewayClient client = reviews.clientOf(sessionOf(finding));
        if (client != null && !client.driver().capabilities().contains(Capability.REVOKE_KEY)) {
            return Optional.of(client.driver().unsupportedReason(Capability.REVOKE_KEY));
        }
        return Optional.empty();
    }

    Optional<RevokeKeysViewModel> revokeDialog(Finding finding) {
        ConnectionSession session = sessionOf(finding);
        GatewayClient client = reviews.clientOf(session);
        if (client == null) {
            return Optional.empty();
        }
        GatewayClient revoking = journal == null ? client
                : journal.watching(client, session.displayName(), List.of(finding.key()));
        RevokeKeysViewModel dialog = new RevokeKeysViewModel(List.of(finding.key()), revoking, tasks, messages, clock,
                revoked -> { }).onConnection(session.displayName()); // Review spans connections: say whose key
        dialog.outcomes().addListener((ListChangeListener<RevokeKeysViewModel.Outcome>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(outcome -> afterRevoke(session, outcome));
            }
        });
        return Optional.of(dialog);
    }

    private void afterRevoke(ConnectionSession session, RevokeKeysViewModel.Outcome outcome) {
        String answer = MessageFormat.format(messages.getString("review.revokeOutcome"), outcome.key().name(),
                outcome.key().hint(), outcome.message());
        status.show(answer);
        if (outcome.revoked()) {
            afterRevoked.accept(session, answer);
        }
    }

    void openKey(Finding finding) {
        ConnectionSession session = sessionOf(finding);
        if (session != null && active.session() != session) {
            active.sessionProperty().set(session);
        }
        navigation.showKey(finding.key().id());
    }

    private ConnectionSession sessionOf(Finding finding) {
        return connections.stream().filter(s -> s.displayName().equals(finding.connection())).findFirst().orElse(null);
    }
}
