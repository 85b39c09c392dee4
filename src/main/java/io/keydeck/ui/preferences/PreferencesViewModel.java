package io.keydeck.ui.preferences;

import io.keydeck.settings.Preferences;
import io.keydeck.settings.ReviewThresholds;
import io.keydeck.settings.Theme;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.text.MessageFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.ResourceBundle;
import java.util.function.UnaryOperator;

/**
 * The Preferences dialog's state: each number as typed, checked as it is typed (a sentence naming the
 * allowed range next to a wrong field), and on Save a change that sets only the fields the user changed,
 * so a value another writer saved meanwhile (the command line, a second window) is kept.
 */
public final class PreferencesViewModel {
    /** One whole-number field: its bounds, what the dialog opened with, the text and its problem. */
    public static final class NumberField {
        /** The message key naming the unit: days or seconds. */
        private final String unit;
        private final int min;
        private final int max;
        private final boolean blankAllowed;
        private final int original;
        private final StringProperty text = new SimpleStringProperty();
        private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

        NumberField(String unit, int min, int max, boolean blankAllowed, int original, ResourceBundle messages) {
            this.unit = unit;
            this.min = min;
            this.max = max;
            this.blankAllowed = blankAllowed;
            this.original = original;
            text.set(blankAllowed && original == 0 ? "" : Integer.toString(original));
            text.addListener((obs, old, now) -> problem.set(check(now, messages)));
        }

        private String check(String typed, ResourceBundle messages) {
            if (value(typed).isPresent()) {
                return "";
            }
            String shown = typed == null ? "" : typed.strip();
            String key = shown.isEmpty() ? "preferences.problem.missing"
                    : blankAllowed ? "preferences.problem.rangeOrBlank" : "preferences.problem.range";
            return MessageFormat.format(messages.getString(key), messages.getString(unit), min, max, shown);
        }

        /** The typed number when it is in range (0 for a blank the field allows). */
        OptionalInt value(String typed) {
            String t = typed == null ? "" : typed.strip();
            if (t.isEmpty()) {
                return blankAllowed ? OptionalInt.of(0) : OptionalInt.empty();
            }
            try {
                int n = Integer.parseInt(t);
                return n >= min && n <= max ? OptionalInt.of(n) : OptionalInt.empty();
            } catch (NumberFormatException e) {
                return OptionalInt.empty();
            }
        }

        /** The new value, when it is valid and differs from what the dialog opened with. */
        OptionalInt changed() {
            OptionalInt value = value(text.get());
            return value.isPresent() && value.getAsInt() != original ? value : OptionalInt.empty();
        }

        public StringProperty textProperty() {
            return text;
        }

        public ReadOnlyStringProperty problemProperty() {
            return problem.getReadOnlyProperty();
        }

        boolean valid() {
            return problem.get().isEmpty();
        }
    }

    private static final int MAX_DAYS = 3650;
    private static final String DAYS = "preferences.unit.days";
    private static final String SECONDS = "preferences.unit.seconds";

    private final NumberField neverUsedDays;
    private final NumberField staleDays;
    private final NumberField expiringSoonDays;
    private final NumberField rotationDays;
    private final NumberField clipboardSeconds;
    private final NumberField deadlineSeconds;
    private final Theme originalTheme;
    private final ObjectProperty<Theme> theme;
    private final BooleanBinding valid;

    public PreferencesViewModel(Preferences current, ResourceBundle messages) {
        ReviewThresholds t = current.reviewThresholds();
        neverUsedDays = new NumberField(DAYS, 1, MAX_DAYS, false, t.neverUsedDays(), messages);
        staleDays = new NumberField(DAYS, 1, MAX_DAYS, false, t.staleDays(), messages);
        expiringSoonDays = new NumberField(DAYS, 1, MAX_DAYS, false, t.expiringSoonDays(), messages);
        rotationDays = new NumberField(DAYS, 1, MAX_DAYS, false, t.rotationDays(), messages);
        clipboardSeconds = new NumberField(SECONDS, 1, Preferences.MAX_CLIPBOARD_CLEAR_SECONDS, false,
                current.clipboardClearSeconds(), messages);
        deadlineSeconds = new NumberField(SECONDS, 1, Preferences.MAX_GATEWAY_DEADLINE_SECONDS, true,
                current.gatewayDeadlineSeconds(), messages);
        originalTheme = current.theme();
        theme = new SimpleObjectProperty<>(current.theme());
        List<NumberField> all = fields();
        valid = Bindings.createBooleanBinding(() -> all.stream().allMatch(NumberField::valid),
                all.stream().map(f -> f.problem).toArray(javafx.beans.Observable[]::new));
    }

    private List<NumberField> fields() {
        return List.of(neverUsedDays, staleDays, expiringSoonDays, rotationDays, clipboardSeconds, deadlineSeconds);
    }

    /**
     * What Save writes: only the fields changed here, applied over whatever the settings hold when the
     * write happens; empty when nothing changed or a field is wrong. The theme is not in it: the window's
     * theme choice applies and saves that ({@link #changedTheme()}).
     */
    public Optional<UnaryOperator<Preferences>> change() {
        if (!valid.get()) {
            return Optional.empty();
        }
        OptionalInt never = neverUsedDays.changed();
        OptionalInt stale = staleDays.changed();
        OptionalInt expiring = expiringSoonDays.changed();
        OptionalInt rotation = rotationDays.changed();
        OptionalInt clipboard = clipboardSeconds.changed();
        OptionalInt deadline = deadlineSeconds.changed();
        if (fields().stream().allMatch(f -> f.changed().isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(p -> {
            ReviewThresholds t = p.reviewThresholds();
            Preferences changed = p.withReviewThresholds(new ReviewThresholds(never.orElse(t.neverUsedDays()),
                    stale.orElse(t.staleDays()), expiring.orElse(t.expiringSoonDays()), rotation.orElse(t.rotationDays())));
            if (clipboard.isPresent()) {
                changed = changed.withClipboardClearSeconds(clipboard.getAsInt());
            }
            if (deadline.isPresent()) {
                changed = changed.withGatewayDeadlineSeconds(deadline.getAsInt());
            }
            return changed;
        });
    }

    /** The theme chosen here, when it differs from the one the dialog opened with. */
    public Optional<Theme> changedTheme() {
        return theme.get() == originalTheme ? Optional.empty() : Optional.ofNullable(theme.get());
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public List<Theme> themes() {
        return List.of(Theme.values());
    }

    public NumberField neverUsedDays() {
        return neverUsedDays;
    }

    public NumberField staleDays() {
        return staleDays;
    }

    public NumberField expiringSoonDays() {
        return expiringSoonDays;
    }

    public NumberField rotationDays() {
        return rotationDays;
    }

    public NumberField clipboardSeconds() {
        return clipboardSeconds;
    }

    public NumberField deadlineSeconds() {
        return deadlineSeconds;
    }
}
