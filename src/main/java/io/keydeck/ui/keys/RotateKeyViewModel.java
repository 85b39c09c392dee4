package io.keydeck.ui.keys;

import io.keydeck.model.VisibleText;
import io.keydeck.model.ApiKey;
import io.keydeck.model.NewKeyRequest;

import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ResourceBundle;

/**
 * Rotating a key: a replacement with the same scopes, environment and expiry policy (the same
 * lifetime length, counted from now; no expiry stays none) is created first, and the old key is
 * revoked only when the user says so afterwards. A failed create revokes nothing.
 */
public final class RotateKeyViewModel {
    private final ApiKey old;
    private final KeyCreation creation;
    private final ResourceBundle messages;
    private final Clock clock;
    private final NewKeyRequest replacement;

    public RotateKeyViewModel(ApiKey old, KeyCreation creation, ResourceBundle messages, Clock clock) {
        this.old = old;
        this.creation = creation;
        this.messages = messages;
        this.clock = clock;
        this.replacement = new NewKeyRequest(replacementName(), old.scopes(), old.environment(), replacementExpiry());
    }

    public ApiKey oldKey() {
        return old;
    }

    /** Fixed when the wizard opens, so a retry sends the very same request. */
    public NewKeyRequest replacement() {
        return replacement;
    }

    public KeyCreation creation() {
        return creation;
    }

    public String header() {
        return MessageFormat.format(messages.getString("rotate.header"), VisibleText.escape(old.name(), 300),
                VisibleText.escape(old.hint(), 120));
    }

    public String expiryText() {
        if (replacement.expiresAt() == null) {
            return messages.getString("rotate.noExpiry");
        }
        return MessageFormat.format(messages.getString("rotate.expiresIn"), lifetime().toDays(),
                DateTimeFormatter.ISO_LOCAL_DATE.withZone(clock.getZone()).format(replacement.expiresAt()));
    }

    public String scopesText() {
        return replacement.scopes().isEmpty() ? "—" : String.join(", ", replacement.scopes());
    }

    /** Creates the replacement; retrying after a failure reuses the same Idempotency-Key. */
    public void create() {
        creation.submit(replacement, replacement);
    }

    private String replacementName() {
        String suffix = MessageFormat.format(messages.getString("rotate.nameSuffix"), LocalDate.now(clock).toString());
        String base = old.name();
        int room = CreateKeyViewModel.MAX_NAME_LENGTH - suffix.length();
        return (base.length() > room ? base.substring(0, room).strip() : base) + suffix;
    }

    private Instant replacementExpiry() {
        return old.expiresAt() == null ? null : clock.instant().plus(lifetime());
    }

    /** The old key's whole lifetime; without a creation time, what it had left (at least a day). */
    private Duration lifetime() {
        Instant from = old.createdAt() != null ? old.createdAt() : clock.instant();
        Duration lifetime = Duration.between(from, old.expiresAt());
        return lifetime.compareTo(Duration.ofDays(1)) < 0 ? Duration.ofDays(1) : lifetime;
    }
}
