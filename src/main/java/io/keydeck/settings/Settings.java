package io.keydeck.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything KeyDeck remembers between starts except secrets: the connections in the user's order,
 * the preferences, and whether the user removed the demo connection (so it is not forced back).
 * Immutable; change it with the {@code with…} methods and hand the result to {@link SettingsStore#save}.
 */
public record Settings(List<ConnectionProfile> connections, Preferences preferences, boolean demoDismissed,
                       JournalForwarding journalForwarding) {
    public static final Settings DEFAULTS = new Settings(List.of(), Preferences.DEFAULTS, false);

    public Settings {
        connections = connections == null ? List.of()
                : List.copyOf(connections.stream().filter(Objects::nonNull).toList());
        preferences = preferences == null ? Preferences.DEFAULTS : preferences;
        journalForwarding = journalForwarding == null ? JournalForwarding.OFF : journalForwarding;
    }

    /** Settings without journal forwarding (as before it existed). */
    public Settings(List<ConnectionProfile> connections, Preferences preferences, boolean demoDismissed) {
        this(connections, preferences, demoDismissed, JournalForwarding.OFF);
    }

    public Settings withJournalForwarding(JournalForwarding forwarding) {
        return new Settings(connections, preferences, demoDismissed, forwarding);
    }

    public Optional<ConnectionProfile> connection(String id) {
        return connections.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Adds {@code profile} at the end, or replaces the saved profile with the same id in place. */
    public Settings withConnection(ConnectionProfile profile) {
        List<ConnectionProfile> list = new ArrayList<>(connections);
        int index = indexOf(profile.id());
        if (index < 0) {
            list.add(profile);
        } else {
            list.set(index, profile);
        }
        return new Settings(list, preferences, demoDismissed, journalForwarding);
    }

    /**
     * Removes a connection; removing the demo connection remembers that, and a selection pointing at
     * the removed connection is cleared. The caller also deletes its token from the vault.
     */
    public Settings withoutConnection(String id) {
        Optional<ConnectionProfile> removed = connection(id);
        if (removed.isEmpty()) {
            return this;
        }
        List<ConnectionProfile> list = new ArrayList<>(connections);
        list.remove(removed.get());
        Preferences prefs = id.equals(preferences.selectedConnectionId()) ? preferences.withSelectedConnectionId(null) : preferences;
        return new Settings(list, prefs, demoDismissed || removed.get().demo(), journalForwarding);
    }

    /**
     * Puts the connections in the order of {@code orderedIds}; ids not listed keep their relative
     * order after the listed ones, unknown ids are ignored, so nothing is ever lost by reordering.
     */
    public Settings withConnectionOrder(List<String> orderedIds) {
        Map<String, ConnectionProfile> remaining = new LinkedHashMap<>();
        connections.forEach(c -> remaining.put(c.id(), c));
        List<ConnectionProfile> list = new ArrayList<>();
        for (String id : orderedIds) {
            ConnectionProfile profile = remaining.remove(id);
            if (profile != null) {
                list.add(profile);
            }
        }
        list.addAll(remaining.values());
        return new Settings(list, preferences, demoDismissed, journalForwarding);
    }

    public Settings withPreferences(Preferences newPreferences) {
        return new Settings(connections, newPreferences, demoDismissed, journalForwarding);
    }

    /**
     * First start: with no connections, and unless the user once removed it, adds and selects the
     * "Sandbox (local demo)" connection. Returns {@code this} when nothing needs to change.
     */
    public Settings withDemoConnectionIfEmpty() {
        if (!connections.isEmpty() || demoDismissed) {
            return this;
        }
        ConnectionProfile demo = ConnectionProfile.sandboxDemo();
        return new Settings(List.of(demo), preferences.withSelectedConnectionId(demo.id()), false);
    }

    private int indexOf(String id) {
        for (int i = 0; i < connections.size(); i++) {
            if (connections.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
