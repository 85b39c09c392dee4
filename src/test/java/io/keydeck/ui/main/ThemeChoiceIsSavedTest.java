package io.keydeck.ui.main;

import io.keydeck.settings.Theme;
import javafx.application.Application;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.startToolkit;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** Picking a theme in the menu changes the look at once and is saved for the next start. */
class ThemeChoiceIsSavedTest {
    private final List<Theme> saved = new ArrayList<>();

    @BeforeAll
    static void toolkit() throws Exception {
        startToolkit();
    }

    @AfterEach
    void backToLight() throws Exception {
        onFx(io.keydeck.ui.common.Theme.LIGHT::apply);
    }

    @Test
    void pickingDarkAppliesAndSavesIt() throws Exception {
        ThemeChoiceViewModel choice = new ThemeChoiceViewModel(Theme.LIGHT, saved::add, Runnable::run,
                () -> io.keydeck.ui.common.Theme.LIGHT);

        onFx(() -> choice.choiceProperty().set(Theme.DARK));

        assertThat(saved).containsExactly(Theme.DARK);
        assertThat(onFx(Application::getUserAgentStylesheet)).containsIgnoringCase("dark");
    }

    @Test
    void pickingSystemFollowsWhatTheOsSays() throws Exception {
        ThemeChoiceViewModel choice = new ThemeChoiceViewModel(Theme.LIGHT, saved::add, Runnable::run,
                () -> io.keydeck.ui.common.Theme.DARK);

        onFx(() -> choice.choiceProperty().set(Theme.SYSTEM));

        assertThat(saved).containsExactly(Theme.SYSTEM);
        waitUntil(5, () -> onFx(Application::getUserAgentStylesheet).toLowerCase().contains("dark"));
    }
}
