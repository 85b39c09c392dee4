package io.keydeck.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Column widths, order, sort and split positions are saved with the other preferences and load back. */
class WindowLayoutSurvivesRestartTest {
    @TempDir
    Path dir;

    @Test
    void tableLayoutsAndDividersLoadBackAsSaved() throws IOException {
        TableLayout keys = new TableLayout(List.of(new TableLayout.Column("lastUsedColumn", 140, true),
                new TableLayout.Column("nameColumn", 220, false)), List.of("lastUsedColumn"));
        Preferences preferences = Preferences.DEFAULTS.withLastView("auth_log")
                .withWindowGeometry(new WindowGeometry(40, 30, 1100, 700, false))
                .withLayouts(Map.of("keys.table", keys), Map.of("authlog.split", List.of(0.62)));
        Settings settings = Settings.DEFAULTS.withPreferences(preferences);

        new SettingsStore(dir).save(settings);
        Preferences loaded = new SettingsStore(dir).load().settings().preferences();

        assertThat(loaded.tables().get("keys.table")).isEqualTo(keys);
        assertThat(loaded.dividers()).containsEntry("authlog.split", List.of(0.62));
        assertThat(loaded.lastView()).isEqualTo("auth_log");
        assertThat(loaded.window()).contains(new WindowGeometry(40, 30, 1100, 700, false));
    }

    @Test
    void aSettingsFileWithoutLayoutsStillLoadsWithNone() throws IOException {
        Files.writeString(dir.resolve(SettingsStore.FILE_NAME), """
                {"schemaVersion":1,"connections":[],"preferences":{"theme":"DARK","lastView":"usage"},
                 "demoDismissed":false}
                """);

        Preferences loaded = new SettingsStore(dir).load().settings().preferences();

        assertThat(loaded.theme()).isEqualTo(Theme.DARK);
        assertThat(loaded.tables()).isEmpty();
        assertThat(loaded.dividers()).isEmpty();
    }

    @Test
    void changingTheThemeKeepsTheLayouts() {
        Preferences withLayout = Preferences.DEFAULTS.withLayouts(
                Map.of("t", new TableLayout(List.of(), List.of())), Map.of("s", List.of(0.3)));

        Preferences changed = withLayout.withTheme(Theme.LIGHT).withLastView("keys");

        assertThat(changed.tables()).containsKey("t");
        assertThat(changed.dividers()).containsKey("s");
    }
}
