package io.keydeck.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import io.keydeck.settings.PlatformDirs;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The log file, readable by this user only (0600, folder 0700): it names connections, key ids and
 * gateway addresses even when every secret is redacted. Each file, the first and every one a
 * roll-over starts, is created private before Logback opens it.
 */
final class PrivateRollingFileAppender extends RollingFileAppender<ILoggingEvent> {
    @Override
    public void openFile(String fileName) throws IOException {
        Path file = Path.of(fileName).toAbsolutePath();
        PlatformDirs.createPrivate(file.getParent());
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            var owner = PosixFilePermissions.fromString("rw-------");
            if (!Files.exists(file)) {
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(owner));
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    // another KeyDeck created it first; tightened below
                }
            }
            Files.setPosixFilePermissions(file, owner);
        }
        super.openFile(fileName);
    }
}
