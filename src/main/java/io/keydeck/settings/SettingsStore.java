package io.keydeck.settings;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@code settings.json} in the config directory. Writes are atomic (temp file in
 * the same directory, fsync, rename), so a crash never leaves half a file. A damaged or unreadable
 * file is moved aside, never overwritten, and the user is told; a file from a newer KeyDeck is
 * copied aside before this version may write over it. Blocking file I/O: call off the FX thread.
 *
 * <p>Several writers share the file (the window, any number of {@code keydeck} commands): each one
 * changes it through {@link #update}, which re-reads the file under an exclusive lock on the sidecar
 * {@value #LOCK_FILE_NAME} and applies only its own change, so no writer puts back an old copy over
 * another's change. {@link #watch} tells an open window when another writer changed the file.
 */
public final class SettingsStore {
    public static final int SCHEMA_VERSION = 1;
    public static final String FILE_NAME = "settings.json";
    public static final String LOCK_FILE_NAME = "settings.json.lock";
    /** A file lock belongs to the whole JVM: threads (and stores) of one process take turns here first. */
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS =
            new ConcurrentHashMap<>();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);

    private final Path dir;
    private final Clock clock;
    // one mapper for every store: it learns the settings records once (a tenth of a second, cold)
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
            .enable(SerializationFeature.INDENT_OUTPUT);
    private String writeBlockedReason;

    public SettingsStore(Path dir) {
        this(dir, Clock.systemDefaultZone());
    }

    SettingsStore(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    /**
     * Teaches the shared mapper the settings records by writing and reading the defaults in memory,
     * so the first real load at start-up does not pay for it; touches no file.
     */
    public static void learnTheFormat() {
        try {
            JSON.readValue(JSON.writeValueAsBytes(Settings.DEFAULTS), Settings.class);
        } catch (java.io.IOException e) {
            LOG.debug("Learning the settings format early failed; the first load will learn it", e);
        }
    }

    /** The store in the platform config directory (or {@code -Dkeydeck.configDir}). */
    public static SettingsStore inConfigDir() {
        return new SettingsStore(PlatformDirs.current().configDir());
    }

    public Path file() {
        return dir.resolve(FILE_NAME);
    }

    /** Loads the settings; never throws, falls back to defaults and says why in the warning. */
    public synchronized SettingsLoad load() {
        Path file = file();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new SettingsLoad(Settings.DEFAULTS, Optional.empty());
        } catch (IOException e) {
            return keepAside(FILE_NAME + " could not be read (" + ioReason(e) + ")");
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(bytes);
        } catch (IOException e) {
            return keepAside(FILE_NAME + " was not valid JSON" + where(e));
        }
        if (tree == null || tree.isMissingNode()) {
            return keepAside(FILE_NAME + " was empty");
        }
        if (!tree.isObject()) {
            return keepAside(FILE_NAME + " did not contain a settings object (it held a JSON "
                    + tree.getNodeType().name().toLowerCase() + ")");
        }
        JsonNode version = tree.path("schemaVersion");
        if (!version.isMissingNode() && !version.canConvertToExactIntegral()) {
            return keepAside(FILE_NAME + " has a schemaVersion that is not a whole number");
        }
        Settings settings;
        try {
            settings = JSON.readValue(bytes, Settings.class);
        } catch (IOException e) {
            return keepAside(FILE_NAME + " has a value of the wrong type" + where(e) + fieldPath(e));
        }
        int schema = version.isMissingNode() ? SCHEMA_VERSION : version.asInt();
        if (schema > SCHEMA_VERSION) {
            return fromNewerVersion(settings, schema);
        }
        return new SettingsLoad(settings, Optional.empty());
    }

    /**
     * {@link #load()}, then the first-start rule: with no connections (and the demo never removed),
     * the "Sandbox (local demo)" connection is added and saved.
     */
    public SettingsLoad loadAtStartup() {
        SettingsLoad loaded = load();
        Settings settings = loaded.settings().withDemoConnectionIfEmpty();
        if (settings == loaded.settings()) {
            return loaded;
        }
        try {
            // another writer may have added a connection since: the demo is added only to a list still empty
            return new SettingsLoad(update(Settings::withDemoConnectionIfEmpty), loaded.warning());
        } catch (IOException e) {
            String warning = loaded.warning().map(w -> w + " ").orElse("") + e.getMessage();
            return new SettingsLoad(settings, Optional.of(warning));
        }
    }

    /**
     * The one way to change the settings when others may write them too: under the settings lock, reads
     * the file as it is now, applies {@code change} to it and writes the result, which it returns.
     * {@code change} must set values, not count on the copy its caller saw: it is applied to the file's
     * current content. The exception message is a sentence for the user.
     */
    public Settings update(UnaryOperator<Settings> change) throws IOException {
        return underLock(() -> {
            SettingsLoad current = load();
            Settings changed = change.apply(current.settings());
            save(changed);
            return changed;
        });
    }

    /**
     * The file's settings if it can be read and understood now, without moving anything aside: for
     * noticing another writer's change, where a file caught mid-edit must not count as damaged.
     */
    public synchronized Optional<Settings> readIfValid() {
        try {
            byte[] bytes = Files.readAllBytes(file());
            JsonNode tree = JSON.readTree(bytes);
            if (tree == null || !tree.isObject() || tree.path("schemaVersion").asInt(SCHEMA_VERSION) > SCHEMA_VERSION) {
                return Optional.empty();
            }
            return Optional.of(JSON.readValue(bytes, Settings.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Calls {@code changed} (on a daemon thread) with the new settings each time {@code settings.json}
     * is replaced or written, by this process or another one; close the result to stop watching.
     */
    public AutoCloseable watch(Consumer<Settings> changed) throws IOException {
        PlatformDirs.createPrivate(dir);
        WatchService watcher = dir.getFileSystem().newWatchService();
        dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_MODIFY);
        Thread thread = new Thread(() -> {
            try {
                while (true) {
                    WatchKey key = watcher.take();
                    boolean ours = key.pollEvents().stream()
                            .anyMatch(event -> event.context() instanceof Path name && name.toString().equals(FILE_NAME)
                                    || event.kind() == StandardWatchEventKinds.OVERFLOW);
                    key.reset();
                    if (ours) {
                        readIfValid().ifPresent(changed);
                    }
                }
            } catch (InterruptedException | ClosedWatchServiceException e) {
                // closed: stop watching
            }
        }, "keydeck-settings-watch");
        thread.setDaemon(true);
        thread.start();
        return watcher::close;
    }

    private interface LockedWork<T> {
        T run() throws IOException;
    }

    /** Runs {@code work} holding the settings lock: first this JVM's, then the file lock other processes see. */
    private <T> T underLock(LockedWork<T> work) throws IOException {
        ReentrantLock local = IN_PROCESS.computeIfAbsent(
                dir.toAbsolutePath().normalize(), d -> new ReentrantLock());
        local.lock();
        try {
            if (local.getHoldCount() > 1) {
                return work.run();
            }
            try {
                PlatformDirs.createPrivate(dir);
            } catch (IOException e) {
                throw new IOException("KeyDeck could not save its settings to " + file() + " (" + ioReason(e) + ").", e);
            }
            try (FileChannel lockFile = FileChannel.open(dir.resolve(LOCK_FILE_NAME), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock held = lockFile.lock()) {
                return work.run();
            }
        } finally {
            local.unlock();
        }
    }

    /**
     * Writes {@code settings} atomically over whatever the file holds, under the settings lock. Only for
     * a writer that owns every field (tests, imports); everyone else changes the file with {@link #update}.
     * The exception message is a sentence for the user.
     */
    public void save(Settings settings) throws IOException {
        underLock(() -> {
            write(settings);
            return null;
        });
    }

    private synchronized void write(Settings settings) throws IOException {
        if (writeBlockedReason != null) {
            throw new IOException(writeBlockedReason);
        }
        Path tmp = null;
        try {
            PlatformDirs.createPrivate(dir);
            ObjectNode root = JSON.createObjectNode();
            root.put("schemaVersion", SCHEMA_VERSION);
            root.setAll((ObjectNode) JSON.valueToTree(settings));
            byte[] bytes = JSON.writeValueAsBytes(root);
            tmp = Files.createTempFile(dir, "." + FILE_NAME + ".", ".tmp");
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(tmp, file(), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file(), StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            syncDirectory();
        } catch (IOException e) {
            throw new IOException("KeyDeck could not save its settings to " + file() + " (" + ioReason(e) + ").", e);
        } finally {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private SettingsLoad keepAside(String problem) {
        Path backup = backupPath("corrupt");
        String message;
        try {
            Files.move(file(), backup);
            message = problem + "; it was kept as " + backup + "; KeyDeck started with default settings.";
        } catch (IOException e) {
            writeBlockedReason = "KeyDeck will not overwrite " + file() + " because it could not be read or moved aside ("
                    + ioReason(e) + "); fix or remove that file to save settings again.";
            message = problem + "; KeyDeck could not move it aside (" + ioReason(e) + "), so it started with default"
                    + " settings and will not save changes over that file.";
        }
        LOG.warn(message);
        return new SettingsLoad(Settings.DEFAULTS, Optional.of(message));
    }

    private SettingsLoad fromNewerVersion(Settings settings, int schema) {
        Path copy = backupPath("schema-" + schema);
        String problem = FILE_NAME + " was written by a newer KeyDeck (settings schema " + schema
                + "; this version knows schema " + SCHEMA_VERSION + ")";
        String message;
        try {
            Files.copy(file(), copy, StandardCopyOption.COPY_ATTRIBUTES);
            message = problem + "; a copy was kept as " + copy + "; KeyDeck loaded the settings it understands"
                    + " and will save them in its own format.";
        } catch (IOException e) {
            writeBlockedReason = "KeyDeck will not overwrite " + file() + ", written by a newer KeyDeck, because it could"
                    + " not keep a copy of it (" + ioReason(e) + ").";
            message = problem + "; KeyDeck could not keep a copy (" + ioReason(e) + "), so it will not save changes over it.";
        }
        LOG.warn(message);
        return new SettingsLoad(settings, Optional.of(message));
    }

    private Path backupPath(String kind) {
        String base = FILE_NAME + "." + kind + "-" + LocalDateTime.now(clock).format(STAMP);
        Path candidate = dir.resolve(base);
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = dir.resolve(base + "-" + n);
        }
        return candidate;
    }

    /** Best effort: makes the rename itself durable on file systems that support syncing a directory. */
    private void syncDirectory() {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("Directory sync not supported here: {}", e.toString());
        }
    }

    private static String where(IOException e) {
        if (e instanceof JsonProcessingException jpe && jpe.getLocation() != null) {
            JsonLocation at = jpe.getLocation();
            if (at.getLineNr() > 0) {
                return " at line " + at.getLineNr() + " column " + at.getColumnNr();
            }
        }
        return " (it is not readable text)";
    }

    private static String fieldPath(IOException e) {
        if (!(e instanceof JsonMappingException jme) || jme.getPath().isEmpty()) {
            return "";
        }
        String path = jme.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining());
        return " (" + path.substring(path.startsWith(".") ? 1 : 0) + ")";
    }

    private static String ioReason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
