package io.keydeck.cli;

import io.keydeck.settings.ConnectionProfile;
import io.keydeck.settings.Settings;
import io.keydeck.settings.SettingsLoad;

import java.util.Locale;
import java.util.stream.Collectors;

/** Finds the saved connections a command names, the way the window's connection list shows them. */
final class SavedConnections {
    private SavedConnections() {
    }

    /** The settings; a warning (damaged file moved aside, …) goes to stderr. */
    static Settings load(CliContext context) {
        SettingsLoad load = context.settings().get().load();
        load.warning().ifPresent(w -> context.err().println("keydeck: " + w));
        return load.settings();
    }

    /** The profile called {@code name} (case-insensitive) or with that id. */
    static ConnectionProfile find(Settings settings, String name) throws CliFailure {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return settings.connections().stream()
                .filter(c -> c.id().equals(name) || c.displayName().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst()
                .orElseThrow(() -> CliFailure.usage("there is no saved connection called \"" + Text.printable(name) + "\""
                        + (settings.connections().isEmpty() ? "; add one with 'keydeck connections add'."
                        : "; saved connections: " + settings.connections().stream()
                        .map(c -> "\"" + Text.printable(c.displayName()) + "\"").collect(Collectors.joining(", ")) + ".")));
    }

    /** The demo profile points at the sandbox inside the window, which has no address a command could use. */
    static CliFailure demoNotReachable(ConnectionProfile demo) {
        return CliFailure.usage("\"" + demo.displayName() + "\" is the sandbox built into the KeyDeck window; it only"
                + " runs while the window is open and has no fixed address (" + ConnectionProfile.SANDBOX_BASE_URL
                + "), so the command line cannot use it. Start a standalone one with 'keydeck sandbox --port 8799' and"
                + " pass --driver multiroute --base-url http://127.0.0.1:8799 --token-env VAR, with VAR holding the"
                + " admin token it prints.");
    }
}
