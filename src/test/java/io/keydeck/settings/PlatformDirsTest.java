package io.keydeck.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformDirsTest {

    @Test
    void linuxFollowsXdgAndFallsBackToDotDirs() {
        PlatformDirs xdg = new PlatformDirs("Linux", Map.of("XDG_CONFIG_HOME", "/cfg", "XDG_DATA_HOME", "/data"), "/home/ann");
        PlatformDirs plain = new PlatformDirs("Linux", Map.of(), "/home/ann");
        PlatformDirs relative = new PlatformDirs("Linux", Map.of("XDG_CONFIG_HOME", "cfg"), "/home/ann");

        assertThat(xdg.configDir()).isEqualTo(Path.of("/cfg/keydeck"));
        assertThat(xdg.dataDir()).isEqualTo(Path.of("/data/keydeck"));
        assertThat(plain.configDir()).isEqualTo(Path.of("/home/ann/.config/keydeck"));
        assertThat(plain.dataDir()).isEqualTo(Path.of("/home/ann/.local/share/keydeck"));
        assertThat(relative.configDir()).isEqualTo(Path.of("/home/ann/.config/keydeck"));
    }

    @Test
    void macAndWindowsUseTheirOwnPlaces() {
        assertThat(new PlatformDirs("Mac OS X", Map.of(), "/Users/ann").configDir())
                .isEqualTo(Path.of("/Users/ann/Library/Application Support/KeyDeck"));
        PlatformDirs windows = new PlatformDirs("Windows 11", Map.of("APPDATA", "/w/Roaming", "LOCALAPPDATA", "/w/Local"), "/w");
        assertThat(windows.configDir()).isEqualTo(Path.of("/w/Roaming", "KeyDeck"));
        assertThat(windows.dataDir()).isEqualTo(Path.of("/w/Local", "KeyDeck"));
    }

    @Test
    void systemPropertiesOverrideThePlatform() {
        System.setProperty("keydeck.configDir", "/tmp/kd-config");
        System.setProperty("keydeck.dataDir", "/tmp/kd-data");
        try {
            PlatformDirs dirs = new PlatformDirs("Linux", Map.of("XDG_CONFIG_HOME", "/cfg"), "/home/ann");
            assertThat(dirs.configDir()).isEqualTo(Path.of("/tmp/kd-config"));
            assertThat(dirs.dataDir()).isEqualTo(Path.of("/tmp/kd-data"));
        } finally {
            System.clearProperty("keydeck.configDir");
            System.clearProperty("keydeck.dataDir");
        }
    }
}
