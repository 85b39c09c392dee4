package io.keydeck.ui.preferences;

import io.keydeck.settings.Preferences;

import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Where the Preferences dialog reads the preferences and sends its change: the window's settings owner,
 * which writes each change through {@code SettingsStore.update} (under the file lock, re-read first).
 *
 * @param current the preferences as the window knows them now (external changes included)
 * @param update  applies a change in memory and saves it in the background
 */
public record SavedPreferences(Supplier<Preferences> current, Consumer<UnaryOperator<Preferences>> update) {
}
