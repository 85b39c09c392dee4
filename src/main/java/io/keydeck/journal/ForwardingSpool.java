package io.keydeck.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The journal lines still to be forwarded, kept on disk ({@code journal-forward.spool}, owner-only) so
 * they survive a restart or a log server that is down. One line per entry: the time it was queued, a
 * space, the signed line. Bounded to {@link #MAX_LINES}; every change holds a lock on the file, so the
 * window and {@code keydeck} commands can share it.
 */
final class ForwardingSpool {
    static final String FILE_NAME = "journal-forward.spool";
    static final int MAX_LINES = 10_000;

    /** A queued line with the time it was queued (the syslog timestamp). */
    record Queued(Instant time, byte[] line) {
    }

    /**
     * FileLock guards against other processes only; threads of this JVM queue on one object per spool file
     * first. Per file, not one for all: a send that hangs on one destination must not hold up another spool.
     */
    private static final java.util.concurrent.ConcurrentMap<Path, Object> IN_PROCESS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final Path file;
    private final Object inProcess;

    ForwardingSpool(Path file) {
        this.file = file;
        this.inProcess = IN_PROCESS.computeIfAbsent(file.toAbsolutePath().normalize(), f -> new Object());
    }

    Path file() {
        return file;
    }

    /** Appends {@code line}; false (nothing written) when the spool already holds {@link #MAX_LINES}. */
    boolean add(Instant time, byte[] line) throws IOException {
        synchronized (inProcess) {
            return addLocked(time, line);
        }
    }

    private boolean addLocked(Instant time, byte[] line) throws IOException {
        try (FileChannel channel = open(); FileLock ignored = channel.lock()) {
            if (read(channel).size() >= MAX_LINES) {
                return false;
            }
            byte[] stamp = (time.toString() + " ").getBytes(StandardCharsets.US_ASCII);
            ByteBuffer buffer = ByteBuffer.allocate(stamp.length + line.length + 1);
            buffer.put(stamp).put(line).put((byte) '\n').flip();
            long at = channel.size();
            while (buffer.hasRemaining()) {
                at += channel.write(buffer, at);
            }
            channel.force(true);
            return true;
        }
    }

    /**
     * Runs {@code send} on what is queued, under the spool's lock, and drops what it reports sent; lines
     * queued meanwhile by another process wait for the lock, so nothing is dropped unsent.
     */
    int drain(Sender send) throws IOException {
        synchronized (inProcess) {
            return drainLocked(send);
        }
    }

    private int drainLocked(Sender send) throws IOException {
        try (FileChannel channel = open(); FileLock ignored = channel.lock()) {
            List<Queued> queued = read(channel);
            if (queued.isEmpty()) {
                return 0;
            }
            send.send(queued);
            channel.truncate(0);
            channel.force(true);
            return queued.size();
        }
    }

    int size() throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        synchronized (inProcess) {
            try (FileChannel channel = open(); FileLock ignored = channel.lock()) {
                return read(channel).size();
            }
        }
    }

    /** Sends a batch in order, or throws, leaving the whole batch queued. */
    @FunctionalInterface
    interface Sender {
        void send(List<Queued> batch) throws IOException;
    }

    private static List<Queued> read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), Integer.MAX_VALUE - 16));
        while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) >= 0) {
            // read it all
        }
        List<Queued> queued = new ArrayList<>();
        for (byte[] raw : JournalLines.split(java.util.Arrays.copyOf(buffer.array(), buffer.position()))) {
            int space = indexOf(raw, (byte) ' ');
            if (space <= 0) {
                continue; // a line torn by a crash: the entry is still in the journal itself
            }
            try {
                Instant time = Instant.parse(new String(raw, 0, space, StandardCharsets.US_ASCII));
                queued.add(new Queued(time, java.util.Arrays.copyOfRange(raw, space + 1, raw.length)));
            } catch (java.time.format.DateTimeParseException e) {
                // not one of ours: skipped
            }
        }
        return queued;
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private FileChannel open() throws IOException {
        return ActionJournal.openPrivately(file);
    }
}
