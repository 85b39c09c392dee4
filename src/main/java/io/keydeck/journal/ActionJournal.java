package io.keydeck.journal;

import io.keydeck.settings.PlatformDirs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The append-only record of every admin action taken through KeyDeck ({@code journal.jsonl} in the
 * data directory), so a team can later answer "who revoked that key, and when". Lines are chained by
 * SHA-256 and signed with the install's Ed25519 key (see {@link JournalLineFormat}); after each append
 * the last entry's number and hash are kept outside the file, in the {@link JournalKeyring}, as its
 * anchor. {@link #verify()} finds the first edited, deleted, inserted, reordered, rewritten, unsigned,
 * malformed or torn line, and a cut, emptied or replaced file. A journal of an earlier, unsigned version
 * is kept as it is (its legacy segment) and continued signed.
 *
 * <p>Appends hold an exclusive {@link FileLock} on the file, so the window and any number of
 * {@code keydeck} commands can write at once; each line goes down in one write followed by a sync.
 * A line left incomplete by a crash is closed off (kept, never repaired) before the next append, and
 * {@link #verify()} reports it. With a session-only keyring (no OS keychain) lines are still signed, but
 * the key and anchor die with the process, so the journal says it is not protected. Each appended line
 * is also handed, byte for byte, to the {@link JournalSink} set with {@link #forwardingTo}. Blocking file
 * and keychain I/O: call off the FX thread.
 */
public final class ActionJournal {
    public static final String FILE_NAME = "journal.jsonl";
    private static final Logger LOG = LoggerFactory.getLogger(ActionJournal.class);
    /** FileLock guards against other processes only; threads of this JVM queue here first. */
    private static final Object IN_PROCESS = new Object();

    /** Shared by every journal opened without a keyring in this JVM: signed, but for this process only. */
    private static final JournalKeyring SESSION = JournalKeyring.inMemory(false, "memory of this session");

    private final Path file;
    private final JournalKeyring keyring;
    private final JournalSink sink;
    private final JournalLineFormat format = new JournalLineFormat();

    private ActionJournal(Path file, JournalKeyring keyring, JournalSink sink) {
        this.file = Objects.requireNonNull(file, "file");
        this.keyring = Objects.requireNonNull(keyring, "keyring");
        this.sink = sink;
    }

    /** The journal at {@code file}, signed with a key kept for this session only (tests, previews). */
    public static ActionJournal open(Path file) {
        return open(file, SESSION);
    }

    /** The journal at {@code file}, its signing key and anchor kept in {@code keyring}. */
    public static ActionJournal open(Path file, JournalKeyring keyring) {
        return new ActionJournal(file.toAbsolutePath(), keyring, null);
    }

    /** The journal in the platform data directory (or {@code -Dkeydeck.dataDir}), session-only key. */
    public static ActionJournal inDataDir() {
        return open(PlatformDirs.current().dataDir().resolve(FILE_NAME));
    }

    /** The journal in the platform data directory, its signing key and anchor kept in {@code keyring}. */
    public static ActionJournal inDataDir(JournalKeyring keyring) {
        return open(PlatformDirs.current().dataDir().resolve(FILE_NAME), keyring);
    }

    /** This journal, each appended line also handed to {@code sink} (e.g. a log system's forwarder). */
    public ActionJournal forwardingTo(JournalSink newSink) {
        return new ActionJournal(file, keyring, newSink);
    }

    /** The journal file {@code other} with this journal's keyring (its key; the anchor is per file), not forwarded. */
    public ActionJournal at(Path other) {
        return open(other, keyring);
    }

    /**
     * This journal forwarded as {@code settings} say (unchanged when forwarding is off), the queue kept
     * beside the journal file.
     *
     * @throws IllegalArgumentException with a sentence naming what is wrong in the settings
     */
    public ActionJournal forwardingAsConfigured(io.keydeck.settings.JournalForwarding settings) {
        return ForwardingTarget.from(settings).map(t -> forwardingTo(LogForwarder.start(t, keyring, file.getParent(),
                java.time.Duration.ofSeconds(1), java.time.Duration.ofMinutes(5)))).orElse(this);
    }

    /**
     * This journal forwarded as {@code settings} say, changeable later with {@link #changeForwarding}. Never
     * throws for bad settings: forwarding is then off and {@link #forwardingStatus()} says why.
     */
    public ActionJournal withChangeableForwarding(io.keydeck.settings.JournalForwarding settings) {
        ConfiguredForwarding forwarding = new ConfiguredForwarding(file.getParent(), keyring,
                java.time.Duration.ofSeconds(1), java.time.Duration.ofMinutes(5));
        forwarding.changeOrReport(settings);
        return forwardingTo(forwarding);
    }

    /**
     * Forwards as {@code settings} say from now on (a journal from {@link #withChangeableForwarding}).
     * Blocking (reads the trust file): call off the FX thread.
     *
     * @throws IllegalArgumentException with a sentence naming what is wrong; forwarding is then unchanged
     * @throws IllegalStateException    when this journal's forwarding cannot be changed
     */
    public void changeForwarding(io.keydeck.settings.JournalForwarding settings) {
        if (!(sink instanceof ConfiguredForwarding forwarding)) {
            throw new IllegalStateException("this journal's forwarding is fixed");
        }
        forwarding.change(settings);
    }

    /** Where entries are forwarded and how that fares; {@link ForwardingStatus#OFF} when they are not. */
    public ForwardingStatus forwardingStatus() {
        return sink == null ? ForwardingStatus.OFF : sink.status().orElse(ForwardingStatus.OFF);
    }

    /**
     * Keeps the HTTPS collector's access token where the signing key is (the OS keychain); the caller wipes
     * {@code token}. Blocking: call off the FX thread.
     */
    public void storeCollectorToken(char[] token) {
        keyring.store(ForwardingTarget.TOKEN_ACCOUNT, token);
    }

    /** Forgets the collector's access token. Blocking: call off the FX thread. */
    public void clearCollectorToken() {
        keyring.delete(ForwardingTarget.TOKEN_ACCOUNT);
    }

    /** True when a collector token is kept. Blocking: call off the FX thread. */
    public boolean hasCollectorToken() {
        Optional<char[]> token = keyring.read(ForwardingTarget.TOKEN_ACCOUNT);
        token.ifPresent(t -> java.util.Arrays.fill(t, '\0'));
        return token.isPresent();
    }

    /** Where the signing key and collector token are kept, e.g. "Secret Service keyring". */
    public String keptIn() {
        return keyring.description();
    }

    /** Waits at most {@code timeout} for forwarded entries to be sent; true when none are left waiting. */
    public boolean awaitForwarded(java.time.Duration timeout) throws InterruptedException {
        return sink == null || sink.awaitSent(timeout);
    }

    /** True when the key and anchor outlive this process (an OS keychain), so tampering can be proven. */
    public boolean isProtected() {
        return keyring.remembersAcrossRestarts();
    }

    /** One sentence on where the signing key is kept, or that the journal is not protected. */
    public String protection() {
        return isProtected()
                ? "Entries are signed; the signing key and the anchor are kept in the " + keyring.description() + "."
                : "No OS keychain: entries are signed with a key kept for this session only, so this journal is NOT"
                + " protected against rewriting or cutting.";
    }

    public Path file() {
        return file;
    }

    /** Fails now, with a sentence for the user, if an entry could not be appended — check before acting. */
    public void ensureWritable() throws IOException {
        synchronized (IN_PROCESS) {
            try (FileChannel channel = openForAppend(); FileLock ignored = channel.lock()) {
                JournalSigningKey.ensure(keyring);
                LOG.debug("Journal {} is writable", file);
            } catch (IOException e) {
                throw failure("write", e);
            } catch (GeneralSecurityException | RuntimeException e) {
                throw signingFailure(e);
            }
        }
    }

    /** This install's public key (made now if there is none yet), for auditors to pin. */
    public JournalPublicKey publicKey() throws IOException {
        synchronized (IN_PROCESS) {
            try (FileChannel channel = openForAppend(); FileLock ignored = channel.lock()) {
                return JournalSigningKey.ensure(keyring);
            } catch (IOException e) {
                throw failure("write", e);
            } catch (GeneralSecurityException | RuntimeException e) {
                throw signingFailure(e);
            }
        }
    }

    /** The anchor kept for this file: its last entry's number and hash, if anything was appended. */
    public Optional<JournalAnchor> anchor() throws IOException {
        try {
            return JournalAnchor.read(keyring, file);
        } catch (RuntimeException e) {
            throw signingFailure(e);
        }
    }

    /** Appends {@code entry} as the next line of the chain. */
    public void append(JournalEntry entry) throws IOException {
        Objects.requireNonNull(entry, "entry");
        byte[] written;
        synchronized (IN_PROCESS) {
            try (FileChannel channel = openForAppend(); FileLock ignored = channel.lock()) {
                long end = channel.size();
                byte[] last = lastLine(channel, end);
                if (end > 0 && !endsWithNewline(channel, end)) {
                    LOG.warn("The last line of {} was incomplete; it is kept and will fail verification", file);
                    end += write(channel, new byte[]{'\n'}, end);
                }
                String prev = end == 0 ? JournalLineFormat.GENESIS : JournalLineFormat.sha256(last);
                long seq = end == 0 ? 1 : nextSeq(channel, last);
                JournalPublicKey key = JournalSigningKey.ensure(keyring);
                byte[] line = format.encodeSigned(entry, seq, prev, key.fingerprint(),
                        bytes -> JournalSigningKey.sign(keyring, bytes));
                byte[] withNewline = new byte[line.length + 1];
                System.arraycopy(line, 0, withNewline, 0, line.length);
                withNewline[line.length] = '\n';
                write(channel, withNewline, end);
                channel.force(true);
                moveAnchor(channel, seq, JournalLineFormat.sha256(line));
                written = line;
            } catch (IOException e) {
                throw failure("write", e);
            } catch (GeneralSecurityException | RuntimeException e) {
                throw signingFailure(e);
            }
        }
        if (sink != null) {
            sink.offer(written);
        }
    }

    /**
     * Records {@code seq} and its hash as the anchor. Signing began where the old anchor says, or, on the
     * first signed append, at the first signed line in the file (normally this one). A failure here is
     * only logged: the line is written and signed, and the next append or verify sees the anchor behind.
     */
    private void moveAnchor(FileChannel channel, long seq, String hash) throws IOException {
        try {
            Optional<JournalAnchor> old = JournalAnchor.read(keyring, file);
            long signedFrom = old.filter(a -> a.signedFrom() > 0).map(JournalAnchor::signedFrom)
                    .orElseGet(() -> firstSigned(channel, seq));
            new JournalAnchor(seq, hash, signedFrom).store(keyring, file);
        } catch (RuntimeException e) {
            LOG.warn("The journal's anchor could not be updated in the {}: {}", keyring.description(), e.getMessage());
        }
    }

    private long firstSigned(FileChannel channel, long fallback) {
        try {
            for (byte[] line : JournalLines.split(readAll(channel))) {
                try {
                    JournalLineFormat.Parsed parsed = format.decode(line);
                    if (parsed.signed()) {
                        return parsed.seq();
                    }
                } catch (JournalLineFormat.MalformedLineException e) {
                    // not an entry: verify reports it
                }
            }
        } catch (IOException e) {
            LOG.debug("Could not scan {} for its first signed line: {}", file, e.getMessage());
        }
        return fallback;
    }

    /**
     * Every entry that can be read, oldest first. Lines that are not entries are skipped; whether
     * the rest can be trusted is {@link #verify()}'s answer.
     */
    public List<JournalEntry> read() throws IOException {
        List<JournalEntry> entries = new ArrayList<>();
        readEach(entries::add);
        return entries;
    }

    /**
     * As {@link #read()}, one entry at a time as the file is read, keeping none: a journal of any
     * length is listed in little memory ({@code keydeck journal list}). Returns how many entries went by.
     */
    public long readEach(Consumer<JournalEntry> each) throws IOException {
        long count = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(512);
            for (int b = in.read(); b >= 0 || line.size() > 0; b = in.read()) {
                if (b >= 0 && b != '\n') {
                    line.write(b);
                    continue;
                }
                try {
                    each.accept(format.decode(line.toByteArray()).entry());
                    count++;
                } catch (JournalLineFormat.MalformedLineException e) {
                    LOG.debug("Skipping a journal line that {}", e.getMessage());
                }
                line.reset();
                if (b < 0) {
                    break;
                }
            }
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw failure("read", e);
        }
        return count;
    }

    /**
     * Checks the whole chain, each signature against this install's key and the end against the anchor;
     * a missing journal is an empty, intact one unless the anchor says entries were written.
     */
    public VerifyResult verify() throws IOException {
        byte[] bytes;
        Optional<JournalAnchor> anchor;
        Optional<JournalPublicKey> key;
        synchronized (IN_PROCESS) {
            try {
                if (Files.exists(file)) {
                    bytes = readLocked();
                    anchor = JournalAnchor.read(keyring, file);
                } else {
                    anchor = JournalAnchor.read(keyring, file);
                    // an append may have made the file between the two looks
                    bytes = Files.exists(file) ? readLocked() : new byte[0];
                }
                key = JournalSigningKey.publicKey(keyring);
            } catch (RuntimeException e) {
                throw signingFailure(e);
            }
        }
        boolean strict = keyring.remembersAcrossRestarts();
        ChainCheck.Trust trust = new ChainCheck.Trust(key.orElse(null), strict, anchor.orElse(null),
                keyring.description(), strict ? "No anchor is kept for this file in the " + keyring.description()
                + ", so deleting its last entries could not be checked." : null);
        return new ChainCheck(format, trust).check(bytes);
    }

    /**
     * Checks a copy of a journal made elsewhere against the public key of the install that wrote it:
     * every line from signing's start must be signed by {@code key}. With {@code anchor} (from
     * {@code keydeck journal key} on that install) a cut tail shows too.
     */
    public static VerifyResult verifyCopy(Path copy, JournalPublicKey key, JournalAnchor anchor) throws IOException {
        Objects.requireNonNull(key, "key");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(copy);
        } catch (NoSuchFileException e) {
            throw new IOException("There is no journal at " + copy + ".", e);
        } catch (IOException e) {
            throw new IOException("KeyDeck could not read the journal " + copy + " ("
                    + Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName()) + ").", e);
        }
        ChainCheck.Trust trust = new ChainCheck.Trust(key, true, anchor, "--anchor given", "Without --anchor"
                + " ENTRY:SHA256 (printed by 'keydeck journal key' on the install that wrote it), deleting the"
                + " copy's last entries cannot be detected.");
        return new ChainCheck(new JournalLineFormat(), trust).check(bytes);
    }

    /** The file read under its lock, so a concurrent append is either wholly in or wholly out with its anchor. */
    private byte[] readLocked() throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            return readAll(channel);
        } catch (NoSuchFileException e) {
            return new byte[0];
        } catch (AccessDeniedException e) {
            return readFile();
        } catch (IOException e) {
            throw failure("read", e);
        }
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
        return openPrivately(file);
    }

    /**
     * Opens {@code file} for reading and writing, creating it (and its directory) first if needed. The
     * journal and its forwarding spool name keys and people, so on POSIX systems only the owner may read them.
     */
    static FileChannel openPrivately(Path file) throws IOException {
        PlatformDirs.createPrivate(file.getParent());
        if (!Files.exists(file)) {
            createPrivately(file);
        }
        return FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    private static void createPrivately(Path file) throws IOException {
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

    /** Keyring failures carry a sentence for the user (VaultException); crypto ones never quote the key. */
    private IOException signingFailure(Exception e) {
        String reason = Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName());
        return new IOException("KeyDeck could not sign its action journal " + file + " with the key in the "
                + keyring.description() + " (" + reason + ").", e);
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
