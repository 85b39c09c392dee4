package io.keydeck.ui.keys;

import io.keydeck.review.ReviewRules;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/** What ticked admin scopes let a key's holder do, worded alike wherever scopes are chosen (Create, Edit scopes). */
final class AdminScopeWarning {
    private AdminScopeWarning() {
    }

    /**
     * A scope of the gateway's admin API (keys, usage, audit log, configuration) rather than of its models:
     * an app's key needs none, and a leaked key holding one exposes or changes the gateway.
     */
    static boolean administers(String scope) {
        String name = scope.toLowerCase(Locale.ROOT);
        return name.startsWith("keys:") || name.startsWith("config:") || name.startsWith("audit:")
                || name.startsWith("usage:") || ReviewRules.ADMIN_SCOPES.contains(name);
    }

    /**
     * The warning for {@code ticked} scopes, or "" when none administers. A scope that lets the key change the
     * gateway is the one Review's broad-scopes rule flags High on an inference key, and the warning says so;
     * a read scope is not flagged there, and the warning says that too.
     */
    static String of(List<String> ticked, ResourceBundle messages) {
        List<String> admin = ticked.stream().filter(AdminScopeWarning::administers).toList();
        List<String> flaggedHigh = admin.stream()
                .filter(s -> ReviewRules.ADMIN_SCOPES.contains(s.toLowerCase(Locale.ROOT))).toList();
        if (!flaggedHigh.isEmpty()) {
            return MessageFormat.format(messages.getString("create.adminWarning.high"), String.join(", ", flaggedHigh));
        }
        return admin.isEmpty() ? "" : MessageFormat.format(messages.getString("create.adminWarning.read"),
                String.join(", ", admin));
    }
}
