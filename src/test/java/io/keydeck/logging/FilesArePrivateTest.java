package io.keydeck.logging;

import ch.qos.logback.classic.LoggerContext;
import io.keydeck.journal.ActionJournal;
import io.keydeck.settings.Settings;
import io.keydeck.settings.SettingsStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The log file is 0600 and the log, data and config folders 0700: other users cannot read what KeyDeck keeps. */
class FilesArePrivateTest {
    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "not a POSIX file system");
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void theLogFileAndItsFolderAreTheUsersOnly() throws Exception {
        Path logs = dir.resolve("data/keydeck/logs");
        LoggerContext context = new LoggerContext();
        LogSetup.apply(context, logs);
        context.getLogger("io.keydeck.test").info("hello");
        context.stop();
        assertThat(mode(logs.resolve("keydeck.log"))).isEqualTo("rw-------");
        assertThat(mode(logs)).isEqualTo("rwx------");
    }

    @Test
    void anOpenLogFileLeftByAnOlderVersionIsTightened() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.writeString(logs.resolve("keydeck.log"), "old\n");
        Files.setPosixFilePermissions(logs.resolve("keydeck.log"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(logs, PosixFilePermissions.fromString("rwxr-xr-x"));
        LoggerContext context = new LoggerContext();
        LogSetup.apply(context, logs);
        context.stop();
        assertThat(mode(logs.resolve("keydeck.log"))).isEqualTo("rw-------");
        assertThat(mode(logs)).isEqualTo("rwx------");
    }

    @Test
    void settingsAndJournalFoldersAreTheUsersOnly() throws Exception {
        Path config = dir.resolve("config/keydeck");
        new SettingsStore(config).save(Settings.DEFAULTS);
        assertThat(mode(config)).isEqualTo("rwx------");
        Path data = dir.resolve("data/keydeck");
        ActionJournal.open(data.resolve(ActionJournal.FILE_NAME)).ensureWritable();
        assertThat(mode(data)).isEqualTo("rwx------");
    }
}
