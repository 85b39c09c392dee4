package io.keydeck.settings;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.Locale;
import java.util.Map;

/**
 * Where KeyDeck keeps its files on each OS, so settings land where users and backup tools expect
 * them. System properties {@code keydeck.configDir} and {@code keydeck.dataDir} override the
 * platform choice (tests use them to stay out of the real home directory).
 */
public final class PlatformDirs {
    private final String osName;
    private final Map<String, String> env;
    private final String userHome;

    PlatformDirs(String osName, Map<String, String> env, String userHome) {
        this.osName = osName.toLowerCase(Locale.ROOT);
        this.env = env;
        this.userHome = userHome;
    }

    public static PlatformDirs current() {
        return new PlatformDirs(System.getProperty("os.name", ""), System.getenv(), System.getProperty("user.home"));
    }

    /** Settings: Linux {@code $XDG_CONFIG_HOME/keydeck}, macOS {@code ~/Library/Application Support/KeyDeck}, Windows {@code %APPDATA%\KeyDeck}. */
    public Path configDir() {
        String override = System.getProperty("keydeck.configDir");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        if (isWindows()) {
            return windowsDir("APPDATA", "AppData", "Roaming");
        }
        if (isMac()) {
            return Path.of(userHome, "Library", "Application Support", "KeyDeck");
        }
        return xdg("XDG_CONFIG_HOME", ".config");
    }

    /** Journal and logs: Linux {@code $XDG_DATA_HOME/keydeck}, macOS as config, Windows {@code %LOCALAPPDATA%\KeyDeck}. */
    public Path dataDir() {
        String override = System.getProperty("keydeck.dataDir");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        if (isWindows()) {
            return windowsDir("LOCALAPPDATA", "AppData", "Local");
        }
        if (isMac()) {
            return Path.of(userHome, "Library", "Application Support", "KeyDeck");
        }
        return xdg("XDG_DATA_HOME", ".local/share");
    }

    /**
     * Creates {@code dir} (and missing parents) readable by this user only, as the XDG spec asks
     * (0700), and tightens {@code dir} itself if an older KeyDeck left it open. Not POSIX: just creates.
     */
    public static Path createPrivate(Path dir) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Files.createDirectories(dir);
        }
        Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rwx------");
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(owner));
        }
        if (!Files.getPosixFilePermissions(dir).equals(owner)) {
            Files.setPosixFilePermissions(dir, owner);
        }
        return dir;
    }

    private boolean isWindows() {
        return osName.startsWith("windows");
    }

    private boolean isMac() {
        return osName.startsWith("mac") || osName.startsWith("darwin");
    }

    private Path windowsDir(String variable, String... fallback) {
        String base = env.get(variable);
        return base != null && !base.isBlank() ? Path.of(base, "KeyDeck") : Path.of(userHome, fallback).resolve("KeyDeck");
    }

    /** The XDG spec says relative values are invalid and must be ignored. */
    private Path xdg(String variable, String fallback) {
        String base = env.get(variable);
        if (base != null && base.startsWith("/")) {
            return Path.of(base, "keydeck");
        }
        return Path.of(userHome).resolve(fallback).resolve("keydeck");
    }
}
