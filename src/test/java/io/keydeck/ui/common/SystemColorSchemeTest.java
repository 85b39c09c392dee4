package io.keydeck.ui.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** "System" theme means what GNOME, macOS or Windows says the user prefers. */
class SystemColorSchemeTest {
    @Test
    void gnomePreferDarkMeansDark() {
        assertThat(SystemColorScheme.fromAnswer("'prefer-dark'\n")).isEqualTo(Theme.DARK);
        assertThat(SystemColorScheme.fromAnswer("'default'\n")).isEqualTo(Theme.LIGHT);
        assertThat(SystemColorScheme.fromAnswer("'prefer-light'\n")).isEqualTo(Theme.LIGHT);
    }

    @Test
    void macOsDarkInterfaceStyleMeansDark() {
        assertThat(SystemColorScheme.fromAnswer("Dark\n")).isEqualTo(Theme.DARK);
    }

    @Test
    void windowsAppsUseLightThemeZeroMeansDark() {
        String dark = "\r\nHKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize\r\n"
                + "    AppsUseLightTheme    REG_DWORD    0x0\r\n";
        String light = dark.replace("0x0", "0x1");
        assertThat(SystemColorScheme.fromAnswer(dark)).isEqualTo(Theme.DARK);
        assertThat(SystemColorScheme.fromAnswer(light)).isEqualTo(Theme.LIGHT);
    }

    @Test
    void aSavedChoiceWinsOverTheSystem() {
        assertThat(Theme.of(io.keydeck.settings.Theme.DARK, () -> Theme.LIGHT)).isEqualTo(Theme.DARK);
        assertThat(Theme.of(io.keydeck.settings.Theme.LIGHT, () -> Theme.DARK)).isEqualTo(Theme.LIGHT);
        assertThat(Theme.of(io.keydeck.settings.Theme.SYSTEM, () -> Theme.DARK)).isEqualTo(Theme.DARK);
    }
}
