package io.keydeck.ui.keys;

import io.keydeck.model.ApiKey;
import io.keydeck.model.KeyEnvironment;
import io.keydeck.model.NewKeyRequest;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Collectors;

/** The Create key form: what the user typed, what is wrong with it, and the create request it makes. */
public final class CreateKeyViewModel {
    public static final int MAX_NAME_LENGTH = 100;

    /** The expiry choices the form offers. */
    public enum ExpiryChoice {
        NONE(null), DAYS_30(Duration.ofDays(30)), DAYS_90(Duration.ofDays(90)), DAYS_365(Duration.ofDays(365)),
        DATE(null);

        private final Duration lifetime;

        ExpiryChoice(Duration lifetime) {
            this.lifetime = lifetime;
        }
    }

    /** One scope checkbox. */
    public record ScopeChoice(String scope, BooleanProperty selected) {
        /** See {@link AdminScopeWarning#administers(String)}. */
        public boolean administers() {
            return AdminScopeWarning.administers(scope);
        }
    }

    private final ResourceBundle messages;
    private final Clock clock;
    private final Set<String> existingNames;
    private final KeyCreation creation;
    private final StringProperty name = new SimpleStringProperty("");
    private final List<ScopeChoice> scopes;
    private final ObjectProperty<KeyEnvironment> environment = new SimpleObjectProperty<>(KeyEnvironment.LIVE);
    private final ObjectProperty<ExpiryChoice> expiry = new SimpleObjectProperty<>(ExpiryChoice.DAYS_90);
    private final ObjectProperty<LocalDate> expiryDate = new SimpleObjectProperty<>();
    private final StringBinding nameError;
    private final StringBinding nameErrorShown;
    private final StringBinding nameWarning;
    private final StringBinding dateError;
    private final BooleanBinding valid;
    private final StringBinding adminWarning;

    public CreateKeyViewModel(List<String> knownScopes, Collection<ApiKey> existingKeys, KeyCreation creation,
                              ResourceBundle messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
        this.creation = creation;
        this.existingNames = existingKeys.stream().filter(k -> !k.revoked())
                .map(k -> normalised(k.name())).collect(Collectors.toSet());
        this.scopes = knownScopes.stream().map(s -> new ScopeChoice(s, new SimpleBooleanProperty(false))).toList();
        nameError = Bindings.createStringBinding(this::checkName, name);
        BooleanProperty typed = new SimpleBooleanProperty(false);
        name.addListener((obs, old, now) -> typed.set(true));
        nameErrorShown = Bindings.createStringBinding(() -> typed.get() ? nameError.get() : "", typed, nameError);
        nameWarning = Bindings.createStringBinding(() -> existingNames.contains(normalised(name.get()))
                ? MessageFormat.format(messages.getString("create.duplicate"), name.get().strip()) : "", name);
        dateError = Bindings.createStringBinding(this::checkDate, expiry, expiryDate);
        valid = Bindings.createBooleanBinding(() -> nameError.get().isEmpty() && dateError.get().isEmpty(),
                nameError, dateError);
        adminWarning = Bindings.createStringBinding(this::checkAdminScopes,
                scopes.stream().map(ScopeChoice::selected).toArray(javafx.beans.Observable[]::new));
    }

    /** The scopes an app's key calls models with, for the first group of checkboxes. */
    public List<ScopeChoice> inferenceScopes() {
        return scopes.stream().filter(s -> !s.administers()).toList();
    }

    /** The admin API's scopes, grouped apart below a caption saying they are not for apps. */
    public List<ScopeChoice> adminScopes() {
        return scopes.stream().filter(ScopeChoice::administers).toList();
    }

    /**
     * What the ticked admin scopes mean, or empty when none is ticked. A scope that lets the key change the
     * gateway is the one Review's broad-scopes rule flags High on an inference key, and the warning says so;
     * a read scope is not flagged there, and the warning says that too.
     */
    public StringBinding adminWarningProperty() {
        return adminWarning;
    }

    private String checkAdminScopes() {
        return AdminScopeWarning.of(adminScopes().stream().filter(s -> s.selected().get()).map(ScopeChoice::scope)
                .toList(), messages);
    }

    public StringProperty nameProperty() {
        return name;
    }

    public List<ScopeChoice> scopes() {
        return scopes;
    }

    public ObjectProperty<KeyEnvironment> environmentProperty() {
        return environment;
    }

    public ObjectProperty<ExpiryChoice> expiryProperty() {
        return expiry;
    }

    /** The date picked when {@link #expiryProperty()} is {@link ExpiryChoice#DATE}; the key expires at its start. */
    public ObjectProperty<LocalDate> expiryDateProperty() {
        return expiryDate;
    }

    /** Why the name cannot be used, or empty. */
    public StringBinding nameErrorProperty() {
        return nameError;
    }

    /** {@link #nameErrorProperty()} once the name has been typed in: an untouched form does not scold. */
    public StringBinding nameErrorShownProperty() {
        return nameErrorShown;
    }

    /** A warning that does not block creating the key (a live key already has this name), or empty. */
    public StringBinding nameWarningProperty() {
        return nameWarning;
    }

    public StringBinding dateErrorProperty() {
        return dateError;
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    public KeyCreation creation() {
        return creation;
    }

    public String expiryText(ExpiryChoice choice) {
        return messages.getString("create.expiry." + choice.name().toLowerCase(Locale.ROOT));
    }

    /** The request the form describes now; only call when {@link #validProperty()} holds. */
    public NewKeyRequest request() {
        List<String> chosen = scopes.stream().filter(s -> s.selected().get()).map(ScopeChoice::scope).toList();
        return new NewKeyRequest(name.get().strip(), chosen, environment.get(), expiresAt());
    }

    /** Sends the request; a retry of an unchanged form reuses the first attempt's Idempotency-Key. */
    public void submit() {
        if (!valid.get()) {
            return;
        }
        List<Boolean> chosen = scopes.stream().map(s -> s.selected().get()).toList();
        creation.submit(request(), List.of(name.get().strip(), chosen, environment.get(), expiry.get(),
                String.valueOf(expiryDate.get())));
    }

    private Instant expiresAt() {
        ExpiryChoice choice = expiry.get();
        if (choice == ExpiryChoice.DATE) {
            return expiryDate.get().atStartOfDay(clock.getZone()).toInstant();
        }
        return choice.lifetime == null ? null : clock.instant().plus(choice.lifetime);
    }

    private String checkName() {
        String typed = name.get() == null ? "" : name.get().strip();
        if (typed.isEmpty()) {
            return messages.getString("create.nameRequired");
        }
        if (typed.length() > MAX_NAME_LENGTH) {
            return MessageFormat.format(messages.getString("create.nameTooLong"), MAX_NAME_LENGTH, typed.length());
        }
        return "";
    }

    private String checkDate() {
        if (expiry.get() != ExpiryChoice.DATE) {
            return "";
        }
        LocalDate date = expiryDate.get();
        if (date == null) {
            return messages.getString("create.dateRequired");
        }
        return date.isAfter(LocalDate.now(clock)) ? "" : messages.getString("create.datePast");
    }

    private static String normalised(String keyName) {
        return keyName == null ? "" : keyName.strip().toLowerCase(Locale.ROOT);
    }
}
