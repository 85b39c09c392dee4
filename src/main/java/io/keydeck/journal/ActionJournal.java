package io.keydeck.journal;

import io.keydeck.settings.PlatformDirs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The append-only record of every admin action taken through KeyDeck ({@code journal.jsonl} in the
 * data directory), so a team can later answer "who revoked that key, and when". Lines are chained by
 * SHA-256 (see {@link JournalLineFormat}); {@link #verify()} finds the first edited, deleted, inserted,
 * malformed or torn line.
 *
 * <p>Appends hold an exclusive {@link FileLock} on the file, so the window and any number of
 * {@code keydeck} commands can write at once; each line goes down in one write followed by a sync.
 * A line left incomplete by a crash is closed off (kept, never repaired) before the next append, and
 * {@link #verify()} reports it. Deleting whole lines from the very end cannot be detected from the file
 * alone. Blocking file I/O: call off the FX thread.
 */
public final class ActionJournal {
    public static final String FILE_NAME = "journal.jsonl";
    private static final Logger LOG = LoggerFactory.getLogger(ActionJournal.class);
    /** FileLock guards against other processes only; threads of this JVM queue here first. */
    private static final Object IN_PROCESS = new Object();

    private final Path file;
    private final JournalLineFormat format = new JournalLineFormat();

    private ActionJournal(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    public static ActionJournal open(Path file) {
        return new ActionJournal(file.toAbsolutePath());
    }

    /** The journal in the platform data directory (or {@code -Dkeydeck.dataDir}). */
    public static ActionJournal inDataDir() {
        return open(PlatformDirs.current().dataDir().resolve(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    /** Fails now, with a sentence for the user, if an entry could not be appended — check before acting. */
    public void ensureWritable() throws IOException {
        try (FileChannel ignored = openForAppend()) {
            LOG.debug("Journal {} is writable", file);
        } catch (IOException e) {
            throw failure("write", e);
        }
    }

    /** Appends {@code entry} as the next line of the chain. */
    public void append(JournalEntry entry) throws IOException {
        Objects.requireNonNull(entry, "entry");
        synchronized (IN_PROCESS) {
            try (FileChannel channel = openForAppend(); FileLock ignored = channel.lock()) {
                long end = channel.size();
                byte[] last = lastLine(channel, end);
                if (end > 0 && !endsWithNewline(channel, end)) {
                    LOG.warn("The last line of {} was incomplete; it is kept and will fail verification", file);
                    end += write(channel, new byte[]{'\n'}, end);
                }
                String prev = end == 0 ? JournalLineFormat.GENESIS : JournalLineFormat.sha256(last);
                byte[] line = format.encode(entry, end == 0 ? 1 : nextSeq(channel, last), prev);
                byte[] withNewline = new byte[line.length + 1];
                System.arraycopy(line, 0, withNewline, 0, line.length);
                withNewline[line.length] = '\n';
                write(channel, withNewline, end);
                channel.force(true);
            } catch (IOException e) {
                throw failure("write", e);
            }
        }
    }

    /**
     * Every entry that can be read, oldest first. Lines that are not entries are skipped; whether
     * the rest can be trusted is {@link #verify()}'s answer.
     */
    public List<JournalEntry> read() throws IOException {
        List<JournalEntry> entries = new ArrayList<>();
        for (byte[] line : JournalLines.split(readFile())) {
            try {
                entries.add(format.decode(line).entry());
            } catch (JournalLineFormat.MalformedLineException e) {
                LOG.debug("Skipping a journal line that {}", e.getMessage());
            }
        }
        return entries;
    }

    /** Checks the whole chain; a missing journal is an empty, intact one. */
    public VerifyResult verify() throws IOException {
        return new ChainCheck(format).check(readFile());
    }

    /** The last entry's number plus one; if the last line is not an entry, the line count plus one. */
    private long nextSeq(FileChannel channel, byte[] last) throws IOException {
        try {
            return format.decode(last).seq() + 1;
        } catch (JournalLineFormat.MalformedLineException e) {
            return JournalLines.split(readAll(channel)).size() + 1L;
        }
    }

    /**
     * The bytes of the last line, without its newline, reading backwards from {@code size} in chunks so
     * an append costs the same however long the journal is.
     */
    private static byte[] lastLine(FileChannel channel, long size) throws IOException {
        if (size == 0) {
            return new byte[0];
        }
        long end = endsWithNewline(channel, size) ? size - 1 : size;
        long start = end;
        ByteBuffer chunk = ByteBuffer.allocate(8192);
        search:
        while (start > 0) {
            long from = Math.max(0, start - chunk.capacity());
            byte[] bytes = read(channel, from, (int) (start - from), chunk);
            for (int i = bytes.length - 1; i >= 0; i--) {
                if (bytes[i] == '\n') {
                    start = from + i + 1;
                    break search;
                }
            }
            start = from;
        }
        return read(channel, start, (int) (end - start), ByteBuffer.allocate((int) (end - start)));
    }

    private static boolean endsWithNewline(FileChannel channel, long size) throws IOException {
        return read(channel, size - 1, 1, ByteBuffer.allocate(1))[0] == '\n';
    }

    private static byte[] read(FileChannel channel, long position, int length, ByteBuffer buffer) throws IOException {
        buffer.clear().limit(length);
        while (buffer.hasRemaining() && channel.read(buffer, position + buffer.position()) >= 0) {
            // keep reading until the range is in
        }
        byte[] bytes = new byte[buffer.position()];
        buffer.flip().get(bytes);
        return bytes;
    }

    private byte[] readFile() throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new byte[0];
        } catch (IOException e) {
            throw failure("read", e);
        }
    }

    private FileChannel openForAppend() throws IOException {
        PlatformDirs.createPrivate(file.getParent());
        if (!Files.exists(file)) {
            createPrivately();
        }
        return FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /** The journal names keys and people, so on POSIX systems only its owner may read it. */
    private void createPrivately() throws IOException {
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException raced) {
            LOG.debug("Another process created {} first", file);
        }
    }

    private static byte[] readAll(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size > Integer.MAX_VALUE - 16) {
            throw new IOException("the journal is larger than 2 GB");
        }
        return read(channel, 0, (int) size, ByteBuffer.allocate((int) size));
    }

    private static int write(FileChannel channel, byte[] bytes, long position) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long at = position;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
        return bytes.length;
    }

    private IOException failure(String verb, IOException e) {
        String reason = e instanceof AccessDeniedException ? "permission denied"
                : Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName());
        if (reason.startsWith("KeyDeck could not")) {
            return e;
        }
        return new IOException("KeyDeck could not " + verb + " its action journal " + file + " (" + reason + ").", e);
    }
}
