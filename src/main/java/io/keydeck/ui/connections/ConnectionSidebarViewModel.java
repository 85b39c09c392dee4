package io.keydeck.ui.connections;

import io.keydeck.gateway.GatewayDriver;
import io.keydeck.settings.ConnectionProfile;
import io.keydeck.settings.EnvironmentTag;
import io.keydeck.session.ConnectionSession;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.RelativeTime;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ObservableList;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Supplier;

/**
 * The sidebar's list of connections: what each row says (name, environment badge, demo caption),
 * which actions apply to a row, and the forms for adding and editing. FX thread only.
 */
public final class ConnectionSidebarViewModel {
    private final Connections connections;
    private final BackgroundTasks tasks;
    private final ResourceBundle messages;
    private final RelativeTime time;
    private final Supplier<List<GatewayDriver>> drivers;

    public ConnectionSidebarViewModel(Connections connections, BackgroundTasks tasks, ResourceBundle messages,
                                      RelativeTime time, Supplier<List<GatewayDriver>> drivers) {
        this.connections = connections;
        this.tasks = tasks;
        this.messages = messages;
        this.time = time;
        this.drivers = drivers;
    }

    public ObservableList<ConnectionSession> sessions() {
        return connections.sessions();
    }

    public ObjectProperty<ConnectionSession> activeProperty() {
        return connections.active().sessionProperty();
    }

    /** Shows {@code session} and remembers it for the next start. */
    public void select(ConnectionSession session) {
        if (session != null && session != activeProperty().get()) {
            connections.select(session);
        }
    }

    /** A line under a demo connection's name, so nobody mistakes its keys for real ones; else empty. */
    public String caption(ConnectionSession session) {
        return session.isDemo() ? messages.getString("connection.demo") : "";
    }

    /** "PROD", "STAGING" or "DEV"; empty for sessions without a saved profile. */
    public String badgeText(ConnectionSession session) {
        return session.environmentTag().map(tag -> messages.getString("env." + tag.name().toLowerCase(Locale.ROOT)))
                .orElse("");
    }

    /** Name, badge and caption in one line, e.g. "Sandbox (local demo) — DEV — Demo data only": a narrow sidebar cuts the name. */
    public String wholeEntry(ConnectionSession session) {
        return String.join(" \u2014 ", java.util.stream.Stream.of(session.displayName(), badgeText(session),
                caption(session)).filter(text -> !text.isEmpty()).toList());
    }

    /** The badge's style class, e.g. {@code env-production} (red). */
    public String badgeStyle(ConnectionSession session) {
        return "env-" + session.environmentTag().orElse(EnvironmentTag.DEVELOPMENT).name().toLowerCase(Locale.ROOT);
    }

    /** Only saved, non-demo connections have a form; the demo can only be removed. */
    public boolean canEdit(ConnectionSession session) {
        return session != null && session.profile().filter(p -> !p.demo()).isPresent();
    }

    public boolean canRemove(ConnectionSession session) {
        return session != null && session.profile().isPresent();
    }

    public boolean canMove(ConnectionSession session, int delta) {
        int index = sessions().indexOf(session);
        return session != null && session.profile().isPresent() && index >= 0
                && index + delta >= 0 && index + delta < sessions().size();
    }

    public void move(ConnectionSession session, int delta) {
        connections.move(session, delta);
    }

    /** An empty form for a new connection. */
    public ConnectionDialogViewModel addForm() {
        return new ConnectionDialogViewModel(null, connections.profiles(), drivers.get(),
                connections.vaultDescription(), Optional::empty, tasks, messages, time);
    }

    /** The form for {@code session}, filled in except for the token, which is never shown again. */
    public ConnectionDialogViewModel editForm(ConnectionSession session) {
        ConnectionProfile profile = session.profile().orElseThrow();
        return new ConnectionDialogViewModel(profile, connections.profiles(), drivers.get(),
                connections.vaultDescription(), () -> connections.storedToken(profile.id()), tasks, messages, time);
    }

    /** Saves a filled form: a new connection when {@code edited} is null, else changes to it. */
    public ConnectionSession save(ConnectionDialogViewModel form, ConnectionSession edited) {
        char[] token = form.typedToken().orElse(null);
        form.clearToken();
        return edited == null ? connections.add(form.profile(), token)
                : connections.update(edited, form.profile(), token);
    }

    /** "Remove the connection “Staging”?" */
    public String removeHeader(ConnectionSession session) {
        return MessageFormat.format(messages.getString("connection.remove.header"), session.displayName());
    }

    /** What removing does: for a real connection, that its token is deleted from the vault. */
    public String removeText(ConnectionSession session) {
        return session.isDemo() ? messages.getString("connection.remove.textDemo")
                : MessageFormat.format(messages.getString("connection.remove.text"), connections.vaultDescription());
    }

    public void remove(ConnectionSession session) {
        connections.remove(session);
    }

    /** Installs the dialog that asks for tokens, unless one was set already (tests script it). */
    public void useTokenPromptIfNone(TokenPrompt prompt) {
        connections.useTokenPromptIfNone(prompt);
    }
}
