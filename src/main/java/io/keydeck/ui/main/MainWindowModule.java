package io.keydeck.ui.main;

import io.keydeck.session.ConnectionSession;
import io.keydeck.settings.Theme;
import io.keydeck.ui.common.LayoutMemory;
import io.keydeck.ui.common.SystemColorScheme;
import io.keydeck.ui.common.ViewLoader;
import io.keydeck.ui.preferences.SavedPreferences;
import io.keydeck.ui.shell.WindowContext;

import java.util.List;
import java.util.function.Consumer;

/** Registers the main window's frame: navigation, status bar, theme choice, the way to Preferences. */
public final class MainWindowModule {
    private MainWindowModule() {
    }

    public static void register(WindowContext window, List<ConnectionSession> connections, Theme theme,
                                Consumer<Theme> saveTheme, LayoutMemory layouts, ViewLoader views,
                                SavedPreferences preferences) {
        window.controllers().register(MainWindowController.class, () -> new MainWindowController(
                new MainWindowViewModel(connections, window.active(), window.status(), window.messages(),
                        window.navigation()),
                new StatusBarViewModel(window.active(), window.status(), window.clock(), window.messages()),
                new ThemeChoiceViewModel(theme, saveTheme, window.tasks().executor(), SystemColorScheme::detect),
                layouts, views, preferences, window.messages()));
    }
}
