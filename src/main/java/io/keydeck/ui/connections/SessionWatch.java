package io.keydeck.ui.connections;

import io.keydeck.gateway.GatewayException;
import io.keydeck.settings.ConnectionProfile;
import io.keydeck.session.ConnectionSession;

import java.text.MessageFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.BinaryOperator;

/**
 * Reacts to what a listed session reports, on the FX thread: banners for its token state and refusals,
 * and a new token asked for (once at a time per connection) when the gateway rejects the saved one.
 */
final class SessionWatch {
    private final List<ConnectionSession> sessions;
    private final ConnectionNotices banners;
    private final TokenQuestions questions;
    private final SessionOpener opener;
    private final ResourceBundle messages;
    private final BinaryOperator<ConnectionSession> replace;
    private final Set<String> prompting = new HashSet<>();

    /** {@code replace} puts a session opened with a new token in the place of the old one. */
    SessionWatch(List<ConnectionSession> sessions, ConnectionNotices banners, TokenQuestions questions,
                 SessionOpener opener, ResourceBundle messages, BinaryOperator<ConnectionSession> replace) {
        this.sessions = sessions;
        this.banners = banners;
        this.questions = questions;
        this.opener = opener;
        this.messages = messages;
        this.replace = replace;
    }

    ConnectionSession watch(ConnectionSession session) {
        session.onAuthFailure((s, failure) -> Connections.fx(() -> authFailed(s, failure)));
        session.onPartialAnswer((s, answer) -> Connections.fx(() -> {
            if (sessions.contains(s)) {
                banners.partialAnswer(s, answer);
            }
        }));
        session.opened().whenComplete((client, failure) -> Connections.fx(() -> opened(session, failure)));
        return session;
    }

    private void opened(ConnectionSession session, Throwable failure) {
        // the claims are read before connecting, so an expired token is named even when the gateway refused it
        if (sessions.contains(session)) {
            banners.tokenState(session, failure == null);
        }
    }

    private void authFailed(ConnectionSession session, GatewayException failure) {
        if (!sessions.contains(session)) {
            return;
        }
        if (failure.kind() == GatewayException.Kind.FORBIDDEN) {
            banners.forbidden(session, failure);
            return;
        }
        Optional<ConnectionProfile> profile = session.profile().filter(p -> !p.demo());
        if (profile.isEmpty()) {
            banners.rejected(session, failure);
            return;
        }
        String id = profile.get().id();
        if (!prompting.add(id)) {
            return;
        }
        String reason = MessageFormat.format(messages.getString("token.prompt.rejected"), failure.describe());
        questions.ask(profile.get(), reason).whenComplete((answer, error) -> Connections.fx(() -> {
            prompting.remove(id);
            ConnectionSession current = sessions.stream()
                    .filter(s -> s.profile().map(p -> p.id().equals(id)).orElse(false)).findFirst().orElse(null);
            char[] token = answer == null ? null : answer.orElse(null);
            if (token == null || current == null) {
                SessionOpener.wipe(token);
                banners.rejected(session, failure);
                return;
            }
            opener.store(profile.get(), token.clone());
            replace.apply(current, opener.open(current.profile().orElseThrow(), token));
        }));
    }
}
