package io.keydeck.ui.keys;

import io.keydeck.model.ApiKey;
import io.keydeck.model.KeyAccount;
import io.keydeck.model.KeyStatus;
import io.keydeck.ui.common.RelativeTime;
import io.keydeck.ui.keys.KeysViewModel.Expiry;

import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;

/** How a key's fields read in the table, its tooltips and the details pane: status words, times, expiry. */
final class KeyTexts {
    static final Duration EXPIRY_WARNING = Duration.ofDays(14);

    private final ResourceBundle messages;
    private final RelativeTime time;

    KeyTexts(ResourceBundle messages, RelativeTime time) {
        this.messages = messages;
        this.time = time;
    }

    String statusText(KeyStatus keyStatus) {
        return messages.getString("status." + keyStatus.name().toLowerCase(Locale.ROOT));
    }

    /** "3 days ago", "in 5 days", or "never" for a missing time. */
    String relative(Instant when) {
        return time.format(when);
    }

    /** Like {@link #relative} but an absent expiry reads "no expiry" rather than "never". */
    String expiresText(Instant expiresAt) {
        return expiresAt == null ? messages.getString("keys.noExpiry") : time.format(expiresAt);
    }

    Expiry expiry(Instant expiresAt) {
        if (expiresAt == null) {
            return Expiry.NONE;
        }
        Instant now = time.now();
        if (!expiresAt.isAfter(now)) {
            return Expiry.PAST;
        }
        return expiresAt.isBefore(now.plus(EXPIRY_WARNING)) ? Expiry.SOON : Expiry.LATER;
    }

    String exactTime(Instant when) {
        return time.exact(when);
    }

    /** The exact time of last use and where it came from, for the tooltip. */
    String lastUsedDetail(ApiKey key) {
        if (key.lastUsedAt() == null) {
            return messages.getString("keys.neverUsed");
        }
        String when = time.exact(key.lastUsedAt());
        return key.lastUsedIp() == null || key.lastUsedIp().isBlank() ? when
                : MessageFormat.format(messages.getString("keys.lastUsedFrom"), when, key.lastUsedIp());
    }

    /** Every field of {@code key}, labelled, in reading order; driver-specific attributes last. */
    List<KeyDetail> details(ApiKey key) {
        List<KeyDetail> rows = new ArrayList<>();
        rows.add(detail("name", key.name(), false));
        rows.add(detail("id", key.id(), true));
        rows.add(detail("key", key.hint(), true));
        rows.add(detail("environment", key.environment().wireName(), false));
        rows.add(detail("status", statusText(key.status(time.now())), false));
        rows.add(detail("scopes", String.join(", ", key.scopes()), true));
        rows.add(detail("created", exactOrNever(key.createdAt()), false));
        rows.add(detail("lastUsed", exactOrNever(key.lastUsedAt()), false));
        rows.add(detail("lastUsedIp", key.lastUsedIp() == null ? "—" : key.lastUsedIp(), true));
        rows.add(detail("expires", key.expiresAt() == null ? expiresText(null) : exactOrNever(key.expiresAt()), false));
        rows.add(detail("disabled", messages.getString(key.disabled() ? "details.yes" : "details.no"), false));
        rows.add(detail("revoked", key.revoked() ? exactOrNever(key.revokedAt()) : messages.getString("details.no"),
                false));
        KeyAccount account = key.account();
        if (!account.isUnknown()) {
            rows.add(detail("owner", account.ownerText(), false));
            rows.add(detail("spend", account.spendText(), false));
            rows.add(detail("limit", KeyAccountColumns.limitLine(account), false));
            rows.add(detail("rateLimits", account.rateLimits().display(), false));
            rows.add(detail("models", String.join(", ", account.allowedModels()), true));
        }
        for (Map.Entry<String, String> extra : new TreeMap<>(key.attributes()).entrySet()) {
            rows.add(new KeyDetail(extra.getKey(), extra.getValue(), false));
        }
        return rows;
    }

    private KeyDetail detail(String field, String value, boolean monospace) {
        return new KeyDetail(messages.getString("details." + field), value == null || value.isEmpty() ? "—" : value,
                monospace);
    }

    private String exactOrNever(Instant when) {
        return when == null ? time.format(null) : time.exact(when);
    }
}
