package io.keydeck.ui.preferences;

import io.keydeck.gateway.GatewayLimits;
import io.keydeck.session.GatewayOpener;
import io.keydeck.settings.Preferences;
import io.keydeck.settings.ReviewThresholds;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.ResourceBundle;

import static org.assertj.core.api.Assertions.assertThat;

/** The dialog's rules without a stage: bounds, a blank deadline, and a change that sets only what was changed. */
class PreferencesViewModelTest {
    private static final ResourceBundle MESSAGES = ResourceBundle.getBundle("io.keydeck.ui.messages");

    @Test
    void boundsAreCheckedAsTypedAndAWrongFieldBlocksSaving() {
        PreferencesViewModel model = new PreferencesViewModel(Preferences.DEFAULTS, MESSAGES);
        assertThat(model.validProperty().get()).isTrue();

        for (String wrong : new String[]{"0", "301", "-5", "30s", ""}) {
            model.clipboardSeconds().textProperty().set(wrong);
            assertThat(model.validProperty().get()).as(wrong).isFalse();
            assertThat(model.clipboardSeconds().problemProperty().get()).as(wrong).isEqualTo(wrong.isEmpty()
                    ? "Enter a whole number of seconds from 1 to 300."
                    : "Enter a whole number of seconds from 1 to 300; \u201c" + wrong + "\u201d is not one.");
            assertThat(model.change()).as(wrong).isEmpty();
        }
        model.clipboardSeconds().textProperty().set("300");
        assertThat(model.validProperty().get()).isTrue();
        assertThat(model.clipboardSeconds().problemProperty().get()).isEmpty();

        model.staleDays().textProperty().set("3651");
        assertThat(model.staleDays().problemProperty().get())
                .isEqualTo("Enter a whole number of days from 1 to 3,650; \u201c3651\u201d is not one.");
        model.deadlineSeconds().textProperty().set("");
        assertThat(model.deadlineSeconds().problemProperty().get()).as("blank: KeyDeck's default").isEmpty();
    }

    @Test
    void theChangeSetsOnlyTheFieldsChangedOverWhatIsSavedWhenItIsWritten() {
        PreferencesViewModel model = new PreferencesViewModel(Preferences.DEFAULTS, MESSAGES);
        assertThat(model.change()).as("nothing changed").isEmpty();

        model.staleDays().textProperty().set("45");
        model.deadlineSeconds().textProperty().set("20");
        Preferences savedMeanwhile = Preferences.DEFAULTS.withClipboardClearSeconds(12)
                .withReviewThresholds(new ReviewThresholds(30, 90, 7, 365));

        Preferences written = model.change().orElseThrow().apply(savedMeanwhile);

        assertThat(written.reviewThresholds()).isEqualTo(new ReviewThresholds(30, 45, 7, 365));
        assertThat(written.clipboardClearSeconds()).as("another writer's value is kept").isEqualTo(12);
        assertThat(written.gatewayDeadlineSeconds()).isEqualTo(20);
        assertThat(model.changedTheme()).isEmpty();
    }

    @Test
    void thePreferredDeadlineAppliesOnlyToConnectionsWithoutTheirOwn() {
        assertThat(GatewayOpener.withDefaultDeadline(Map.of(), 20)).containsEntry(GatewayLimits.DEADLINE_OPTION, "20");
        assertThat(GatewayOpener.withDefaultDeadline(Map.of(GatewayLimits.DEADLINE_OPTION, "90"), 20))
                .containsEntry(GatewayLimits.DEADLINE_OPTION, "90");
        assertThat(GatewayOpener.withDefaultDeadline(Map.of(), 0)).isEmpty();
        assertThat(GatewayLimits.forOptions(GatewayOpener.withDefaultDeadline(Map.of(), 20)).deadline())
                .hasSeconds(20);
    }
}
