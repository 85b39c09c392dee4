package io.keydeck.vault;

import java.util.Locale;

/**
 * What a keychain library's failure means, in words a user can act on. The libraries below
 * java-keyring report a locked Secret Service as an internal fault ("Cannot read field … because
 * "response" is null"); that text helps nobody, so it goes to the log and this says what to do.
 */
final class KeychainTrouble {
    private KeychainTrouble() {
    }

    /** True for the "there is no such entry" answers of the backends, which are not failures. */
    static boolean isNoEntry(Throwable e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return m.startsWith("no stored credentials match") || m.startsWith("no password stored")
                || m.contains("could not be found") || m.contains("item not found");
    }

    /** One or two sentences: what went wrong with the keyring while doing {@code action}, and what to do. */
    static String explain(String action, Throwable e) {
        String all = chain(e);
        if (e instanceof NullPointerException || all.contains("locked") || all.contains("is null")
                || all.contains("prompt") || all.contains("dismissed")) {
            return "The OS keyring is locked (or its unlock prompt was dismissed), so KeyDeck could not " + action
                    + ". Unlock it (log in to the desktop session, or unlock the \"Login\" keyring in Passwords and"
                    + " Keys) and try again" + (action.startsWith("read") ? ", or pass the token with --token-env VAR."
                    : "; nothing was saved.");
        }
        if (all.contains("dbus") || all.contains("d-bus") || all.contains("secret service") || all.contains("serviceunknown")
                || all.contains("no available keyring") || all.contains("backend")) {
            return "No Secret Service answers on this session's D-Bus (no GNOME Keyring or KWallet is running), so"
                    + " KeyDeck could not " + action + ". Start a keyring daemon (e.g. gnome-keyring-daemon) in this"
                    + " session, or pass the token with --token-env VAR.";
        }
        if (action.startsWith("store") || action.startsWith("delete")) {
            return "The OS keyring refused to " + action + " (it may be read-only"
                    + " or full, or access was denied). Check the keyring is unlocked and writable and try again;"
                    + " nothing was saved.";
        }
        return "The OS keyring failed while KeyDeck tried to " + action + ". Check that it is unlocked and running,"
                + " or pass the token with --token-env VAR. Details are in the KeyDeck log.";
    }

    private static String chain(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 2000; t = t.getCause() == t ? null : t.getCause()) {
            sb.append(t.getClass().getSimpleName()).append(' ').append(t.getMessage()).append(' ');
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
