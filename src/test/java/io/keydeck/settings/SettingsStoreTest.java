package io.keydeck.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SettingsStoreTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T12:30:45Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private SettingsStore store() {
        return new SettingsStore(dir, CLOCK);
    }

    private Path file() {
        return dir.resolve("settings.json");
    }

    private static Settings sample() {
        ConnectionProfile prod = ConnectionProfile.create("Prod gateway", "multiroute", "https://gw.example.com",
                EnvironmentTag.PRODUCTION).withOptions(Map.of("organisation", "acme"));
        ConnectionProfile local = ConnectionProfile.create("Local", "litellm", "http://127.0.0.1:4000", EnvironmentTag.DEVELOPMENT);
        Preferences prefs = Preferences.DEFAULTS.withTheme(Theme.DARK).withClipboardClearSeconds(45)
                .withReviewThresholds(new ReviewThresholds(10, 60, 7, 90)).withLastView("usage")
                .withWindowGeometry(new WindowGeometry(10, 20, 1280, 800, true)).withSelectedConnectionId(prod.id());
        return new Settings(List.of(prod, local), prefs, true);
    }

    @Test
    void whatIsSavedLoadsBackUnchanged() throws IOException {
        Settings settings = sample();
        store().save(settings);

        SettingsLoad loaded = new SettingsStore(dir).load();

        assertThat(loaded.warning()).isEmpty();
        assertThat(loaded.settings()).isEqualTo(settings);
    }

    @Test
    void savingLeavesOnlyTheSettingsFileAndItsLockBehind() throws IOException {
        Path nested = dir.resolve("not/yet/there");
        SettingsStore store = new SettingsStore(nested);
        for (int i = 0; i < 3; i++) {
            store.save(sample());
        }

        try (Stream<Path> files = Files.list(nested)) {
            // no temp files; the empty sidecar lock file stays, as writers in other processes lock it
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("settings.json", "settings.json.lock");
        }
        assertThat(Files.readString(nested.resolve("settings.json"))).contains("\"schemaVersion\" : 1");
    }

    @Test
    void noFileMeansDefaultsWithoutAWarning() {
        SettingsLoad loaded = store().load();

        assertThat(loaded.settings()).isEqualTo(Settings.DEFAULTS);
        assertThat(loaded.warning()).isEmpty();
    }

    static Stream<Arguments> damagedFiles() {
        return Stream.of(
                Arguments.of("truncated", "{\"schemaVersion\":1,\"connections\":[{\"id\":\"a\",".getBytes(StandardCharsets.UTF_8),
                        "settings.json was not valid JSON at line 1 column "),
                Arguments.of("bad token on line 3", "{\n  \"schemaVersion\": 1,\n    nope\n}".getBytes(StandardCharsets.UTF_8),
                        "settings.json was not valid JSON at line 3 column 5"),
                Arguments.of("wrong types", "{\"schemaVersion\":1,\"connections\":\"all of them\"}".getBytes(StandardCharsets.UTF_8),
                        "settings.json has a value of the wrong type at line 1 column 34 (connections)"),
                Arguments.of("binary garbage", new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 0x13, (byte) 0x88, 0x7f, (byte) 0xc3},
                        "settings.json was not valid JSON"),
                Arguments.of("empty", new byte[0], "settings.json was empty"),
                Arguments.of("not an object", "[1, 2, 3]".getBytes(StandardCharsets.UTF_8),
                        "settings.json did not contain a settings object (it held a JSON array)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damagedFiles")
    void aDamagedFileIsKeptAsideAndDefaultsAreUsed(String name, byte[] content, String expectedProblem) throws IOException {
        Files.write(file(), content);

        SettingsLoad loaded = store().load();

        Path backup = dir.resolve("settings.json.corrupt-20250601-123045");
        assertThat(loaded.settings()).isEqualTo(Settings.DEFAULTS);
        assertThat(loaded.warning()).hasValueSatisfying(w -> assertThat(w)
                .startsWith(expectedProblem)
                .endsWith("; it was kept as " + backup + "; KeyDeck started with default settings."));
        assertThat(Files.readAllBytes(backup)).isEqualTo(content);
        assertThat(file()).doesNotExist();

        Settings saved = sample();
        store().save(saved);
        assertThat(store().load()).isEqualTo(new SettingsLoad(saved, Optional.empty()));
        assertThat(Files.readAllBytes(backup)).isEqualTo(content);
    }

    @Test
    void aSecondDamagedFileDoesNotOverwriteTheFirstBackup() throws IOException {
        Files.writeString(file(), "{first");
        store().load();
        Files.writeString(file(), "{second");

        store().load();

        assertThat(Files.readString(dir.resolve("settings.json.corrupt-20250601-123045"))).isEqualTo("{first");
        assertThat(Files.readString(dir.resolve("settings.json.corrupt-20250601-123045-2"))).isEqualTo("{second");
    }

    @Test
    void anUnreadableFileIsKeptAside() throws IOException {
        byte[] content = "{\"schemaVersion\":1}".getBytes(StandardCharsets.UTF_8);
        Files.write(file(), content);
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("---------"));
        assumeThat(Files.isReadable(file())).as("running as root, which can read any file").isFalse();

        SettingsLoad loaded = store().load();

        Path backup = dir.resolve("settings.json.corrupt-20250601-123045");
        assertThat(loaded.warning()).hasValue("settings.json could not be read (permission denied); it was kept as "
                + backup + "; KeyDeck started with default settings.");
        Files.setPosixFilePermissions(backup, PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readAllBytes(backup)).isEqualTo(content);
    }

    @Test
    void aSettingsPathThatIsNotAFileIsKeptAside() throws IOException {
        Files.createDirectory(file());

        SettingsLoad loaded = store().load();

        assertThat(loaded.settings()).isEqualTo(Settings.DEFAULTS);
        assertThat(loaded.warning()).hasValueSatisfying(w -> assertThat(w).startsWith("settings.json could not be read (")
                .contains("kept as " + dir.resolve("settings.json.corrupt-20250601-123045")));
        assertThat(dir.resolve("settings.json.corrupt-20250601-123045")).isDirectory();
    }

    @Test
    void aFileFromANewerVersionIsCopiedAsideBeforeItCanBeOverwritten() throws IOException {
        String newer = "{\"schemaVersion\": 99, \"vaultPolicy\": {\"mode\": \"hsm\"}, \"connections\": [{\"id\": \"c1\","
                + " \"displayName\": \"Prod\", \"driverId\": \"multiroute\", \"baseUrl\": \"https://gw.example.com\","
                + " \"environmentTag\": \"PRODUCTION\", \"colour\": \"red\"}]}";
        Files.writeString(file(), newer);

        SettingsLoad loaded = store().load();

        Path copy = dir.resolve("settings.json.schema-99-20250601-123045");
        assertThat(loaded.warning()).hasValue("settings.json was written by a newer KeyDeck (settings schema 99; this"
                + " version knows schema 1); a copy was kept as " + copy + "; KeyDeck loaded the settings it understands"
                + " and will save them in its own format.");
        assertThat(loaded.settings().connections()).extracting(ConnectionProfile::displayName).containsExactly("Prod");
        assertThat(Files.readString(file())).isEqualTo(newer);

        store().save(loaded.settings());
        assertThat(Files.readString(copy)).isEqualTo(newer);
        assertThat(Files.readString(file())).contains("\"schemaVersion\" : 1");
    }

    @Test
    void unknownFieldsAreIgnoredAndMissingOnesDefaulted() throws IOException {
        Files.writeString(file(), "{\"schemaVersion\":1,\"shinyNewThing\":true,"
                + "\"preferences\":{\"theme\":\"NEON\",\"reviewThresholds\":{\"staleDays\":120}},"
                + "\"connections\":[{\"displayName\":\"Old\",\"driverId\":\"multiroute\",\"baseUrl\":\"https://a.example\"}]}");

        SettingsLoad loaded = store().load();

        assertThat(loaded.warning()).isEmpty();
        Preferences prefs = loaded.settings().preferences();
        assertThat(prefs.theme()).isEqualTo(Theme.SYSTEM);
        assertThat(prefs.clipboardClearSeconds()).isEqualTo(30);
        assertThat(prefs.reviewThresholds()).isEqualTo(new ReviewThresholds(30, 120, 14, 180));
        assertThat(prefs.window()).isEmpty();
        ConnectionProfile old = loaded.settings().connections().get(0);
        assertThat(old.id()).isNotBlank();
        assertThat(old.environmentTag()).isEqualTo(EnvironmentTag.PRODUCTION);
        assertThat(old.options()).isEmpty();
    }

    @Test
    void firstStartCreatesTheSandboxConnectionAndSavesIt() {
        SettingsLoad first = store().loadAtStartup();

        assertThat(first.settings().connections()).singleElement().satisfies(demo -> {
            assertThat(demo.displayName()).isEqualTo("Sandbox (local demo)");
            assertThat(demo.demo()).isTrue();
            assertThat(demo.baseUrl()).isEqualTo(ConnectionProfile.SANDBOX_BASE_URL);
        });
        assertThat(first.settings().preferences().selectedConnectionId()).isEqualTo(first.settings().connections().get(0).id());
        assertThat(store().load().settings()).isEqualTo(first.settings());
    }

    @Test
    void aRemovedSandboxConnectionDoesNotComeBack() throws IOException {
        Settings first = store().loadAtStartup().settings();
        store().save(first.withoutConnection(first.connections().get(0).id()));

        Settings next = store().loadAtStartup().settings();

        assertThat(next.connections()).isEmpty();
        assertThat(next.demoDismissed()).isTrue();
        assertThat(next.preferences().selectedConnectionId()).isNull();
    }

    @Test
    void existingConnectionsGetNoSandboxAdded() throws IOException {
        Settings withUserConnections = new Settings(sample().connections(), Preferences.DEFAULTS, false);
        store().save(withUserConnections);

        assertThat(store().loadAtStartup().settings().connections()).noneMatch(ConnectionProfile::demo);
    }

    @Test
    void theConfigDirCanBeOverridden() {
        String before = System.getProperty("keydeck.configDir");
        System.setProperty("keydeck.configDir", dir.toString());
        try {
            assertThat(SettingsStore.inConfigDir().file()).isEqualTo(dir.resolve("settings.json"));
        } finally {
            if (before == null) {
                System.clearProperty("keydeck.configDir");
            } else {
                System.setProperty("keydeck.configDir", before);
            }
        }
    }
}
