package io.keydeck.ui.connections;

import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.PartialAnswer;
import io.keydeck.settings.ConnectionProfile;
import io.keydeck.session.ConnectionSession;
import io.keydeck.ui.shell.WindowNotices;
import io.keydeck.ui.shell.WindowNotices.Level;
import io.keydeck.ui.shell.WindowNotices.Notice;
import io.keydeck.ui.common.RelativeTime;

import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.util.ResourceBundle;

/**
 * The banners the connections raise, worded in one place. Ids start with the connection's id, so
 * removing or reopening a connection clears its banners. FX thread only.
 */
final class ConnectionNotices {
    static final Duration EXPIRY_WARNING = Duration.ofDays(7);

    private final WindowNotices notices;
    private final ResourceBundle messages;
    private final Clock clock;
    private final RelativeTime time;

    ConnectionNotices(WindowNotices notices, ResourceBundle messages, Clock clock) {
        this.notices = notices;
        this.messages = messages;
        this.clock = clock;
        this.time = new RelativeTime(clock, messages);
    }

    void settingsReset(String warning) {
        notices.show(new Notice("settings", Level.WARNING, messages.getString("notice.settings.title"), warning));
    }

    void sessionOnlyVault(String notice) {
        notices.show(new Notice("vault", Level.WARNING, messages.getString("notice.vault.title"), notice));
    }

    void settingsNotSaved(String reason) {
        notices.show(new Notice("settings-save", Level.DANGER, messages.getString("notice.settingsSave.title"), reason));
    }

    void settingsSaved() {
        notices.dismiss("settings-save");
    }

    /** An expired or soon-expiring token, and a token that cannot manage keys (only once opened). */
    void tokenState(ConnectionSession session, boolean opened) {
        session.tokenClaims().ifPresent(claims -> claims.expiresAt().ifPresent(expiry -> {
            if (claims.isExpired(clock.instant())) {
                show(session, "expiry", Level.DANGER, "notice.tokenExpired.title",
                        MessageFormat.format(messages.getString("notice.tokenExpired.text"), time.exact(expiry)));
            } else if (claims.expiresWithin(EXPIRY_WARNING, clock.instant())) {
                show(session, "expiry", Level.WARNING, "notice.tokenExpiring.title",
                        MessageFormat.format(messages.getString("notice.tokenExpiring.text"), time.format(expiry),
                                time.exact(expiry)));
            }
        }));
        if (opened) {
            session.manageBlockedReason().ifPresent(reason ->
                    show(session, "manage", Level.INFO, "notice.readOnly.title", reason));
        }
    }

    void forbidden(ConnectionSession session, GatewayException failure) {
        show(session, "forbidden", Level.WARNING, "notice.forbidden.title",
                MessageFormat.format(messages.getString("notice.forbidden.text"), failure.describe()));
    }

    void rejected(ConnectionSession session, GatewayException failure) {
        show(session, "rejected", Level.DANGER, "notice.rejected.title", failure.describe());
    }

    /**
     * A part the gateway left out of an answer (spend unknown because its costs report failed), shown until an
     * answer brings that part again.
     */
    void partialAnswer(ConnectionSession session, PartialAnswer answer) {
        String kind = "partial-" + answer.part();
        if (answer.isComplete()) {
            notices.dismiss(prefix(session) + kind);
        } else {
            show(session, kind, Level.WARNING, PartialAnswer.SPEND.equals(answer.part())
                    ? "notice.partial.spend.title" : "notice.partial.title", answer.problem());
        }
    }

    void tokenNotStored(ConnectionProfile profile, String reason) {
        notices.show(new Notice(profile.id() + ":vault-store", Level.WARNING,
                messages.getString("notice.tokenNotStored.title"), reason));
    }

    void tokenNotDeleted(ConnectionProfile profile, String reason) {
        notices.show(new Notice(profile.id() + ":vault-delete", Level.WARNING,
                messages.getString("notice.tokenNotDeleted.title"), reason));
    }

    /** Clears every banner of {@code session}'s connection. */
    void forget(ConnectionSession session) {
        notices.dismissAll(prefix(session));
    }

    /** Clears the banners about the old token of {@code session}'s connection, keeping vault trouble. */
    void reopened(ConnectionSession session) {
        for (String kind : new String[] {"expiry", "manage", "forbidden", "rejected",
            "partial-" + PartialAnswer.SPEND}) {
            notices.dismiss(prefix(session) + kind);
        }
    }

    private void show(ConnectionSession session, String kind, Level level, String titleKey, String text) {
        notices.show(new Notice(prefix(session) + kind, level,
                MessageFormat.format(messages.getString(titleKey), session.displayName()), text));
    }

    private static String prefix(ConnectionSession session) {
        return session.profile().map(ConnectionProfile::id).orElse(session.displayName()) + ":";
    }
}
