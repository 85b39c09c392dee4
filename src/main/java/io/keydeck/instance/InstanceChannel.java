package io.keydeck.instance;

import io.keydeck.settings.PlatformDirs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One KeyDeck window per user. The first window start takes a per-user lock ({@value #LOCK_FILE}) and
 * listens on a local channel; a later start finds the lock taken, hands its {@link WindowRequest} over
 * that channel and exits, and the running window comes to the front.
 *
 * <p>The channel is a Unix domain socket in {@code $XDG_RUNTIME_DIR/keydeck} (a directory only this
 * user can enter, 0700). Where there is no runtime dir it is a loopback port whose number and a random
 * token sit in an owner-only file; a caller must send the token first. Either way other users cannot
 * reach it.
 */
public final class InstanceChannel implements AutoCloseable {
    static final String LOCK_FILE = "instance.lock";
    static final String SOCKET_FILE = "instance.sock";
    static final String PORT_FILE = "instance.port";
    private static final String HELLO = "keydeck-open/1";
    private static final int MAX_REQUEST_BYTES = 4096;
    private static final Duration FIRST_START_WAIT = Duration.ofSeconds(15);
    private static final Logger LOG = LoggerFactory.getLogger(InstanceChannel.class);

    /** What a window start found. */
    public sealed interface Outcome {
    }

    /** This process is the first: it owns the window. */
    public record Claimed(InstanceChannel channel) implements Outcome {
    }

    /** A window was already open and got the request; {@code reply} is its answer for the user. */
    public record HandedOver(String reply) implements Outcome {
    }

    /** Another start holds the lock but does not answer; {@code reason} says so for the user. */
    public record Unreachable(String reason) implements Outcome {
    }

    private final Place place;
    private final FileChannel lockFile;
    private final FileLock lock;
    private final ServerSocketChannel server;
    private final String token;
    private final CompletableFuture<Function<WindowRequest, String>> handler = new CompletableFuture<>();
    private volatile boolean closed;

    private InstanceChannel(Place place, FileChannel lockFile, FileLock lock, ServerSocketChannel server, String token) {
        this.place = place;
        this.lockFile = lockFile;
        this.lock = lock;
        this.server = server;
        this.token = token;
    }

    /** Where the lock and the channel live: the user's runtime dir if there is one, else the data dir. */
    record Place(Path dir, boolean unixSocket) {
        static Place current() {
            String override = System.getProperty("keydeck.runtimeDir");
            if (override != null && !override.isBlank()) {
                return new Place(Path.of(override), true);
            }
            String runtime = System.getenv("XDG_RUNTIME_DIR");
            if (runtime != null && runtime.startsWith("/")) {
                return new Place(Path.of(runtime, "keydeck"), true);
            }
            return new Place(PlatformDirs.current().dataDir(), false);
        }
    }

    /** Claims the window for this process, or hands {@code request} to the window already open. */
    public static Outcome claimOrHandOver(WindowRequest request) throws IOException {
        return claimOrHandOver(request, Place.current());
    }

    static Outcome claimOrHandOver(WindowRequest request, Place place) throws IOException {
        PlatformDirs.createPrivate(place.dir());
        long deadline = System.nanoTime() + FIRST_START_WAIT.toNanos();
        while (true) {
            FileChannel lockFile = FileChannel.open(place.dir().resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = lockFile.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock != null) {
                try {
                    return new Claimed(listen(place, lockFile, lock));
                } catch (IOException | RuntimeException e) {
                    lock.release();
                    lockFile.close();
                    throw e;
                }
            }
            lockFile.close();
            try {
                return new HandedOver(send(place, request));
            } catch (IOException notYet) {
                // the first start holds the lock but is not listening yet (or just ended): ask again
                if (System.nanoTime() > deadline) {
                    return new Unreachable("another KeyDeck start holds " + place.dir().resolve(LOCK_FILE)
                            + " but does not answer (" + notYet.getMessage() + ")");
                }
                try {
                    TimeUnit.MILLISECONDS.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for the running KeyDeck", e);
                }
            }
        }
    }

    private static InstanceChannel listen(Place place, FileChannel lockFile, FileLock lock) throws IOException {
        ServerSocketChannel server;
        String token = null;
        if (place.unixSocket()) {
            Path socket = place.dir().resolve(SOCKET_FILE);
            Files.deleteIfExists(socket); // left by a window that crashed; we hold the lock, so it is ours to replace
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
        } else {
            server = ServerSocketChannel.open();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            writeOwnerOnly(place.dir().resolve(PORT_FILE),
                    ((InetSocketAddress) server.getLocalAddress()).getPort() + " " + token + "\n");
        }
        InstanceChannel channel = new InstanceChannel(place, lockFile, lock, server, token);
        Thread accept = new Thread(channel::acceptLoop, "keydeck-instance-channel");
        accept.setDaemon(true);
        accept.start();
        return channel;
    }

    /**
     * From now on requests of later starts go to {@code answer} (called on the channel's thread; it
     * returns the sentence the later start prints). Requests that arrived earlier wait for it.
     */
    public void serve(Function<WindowRequest, String> answer) {
        handler.complete(answer);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SocketChannel client = server.accept();
                Thread one = new Thread(() -> answer(client), "keydeck-instance-request");
                one.setDaemon(true);
                one.start();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("The single-window channel stopped: {}", e.toString());
                }
                return;
            }
        }
    }

    private void answer(SocketChannel client) {
        try (client) {
            List<String> lines = readLines(client);
            int first = token == null ? 0 : 1;
            if (token != null && (lines.isEmpty() || !MessageDigest.isEqual(
                    lines.get(0).getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8)))) {
                LOG.warn("A local program called the single-window channel without its token; ignored");
                return;
            }
            if (lines.size() <= first || !lines.get(first).equals(HELLO)) {
                return;
            }
            String[] args = lines.subList(first + 1, lines.size()).toArray(String[]::new);
            WindowRequest request = WindowRequest.parse(args).orElse(new WindowRequest(null, null, null, false));
            String reply = handler.get(60, TimeUnit.SECONDS).apply(request);
            client.write(ByteBuffer.wrap((reply.replace('\n', ' ') + "\n").getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            LOG.info("A request from a second KeyDeck start failed: {}", e.toString());
        }
    }

    private static String send(Place place, WindowRequest request) throws IOException {
        SocketAddress address;
        String token = null;
        if (place.unixSocket()) {
            Path socket = place.dir().resolve(SOCKET_FILE);
            if (!Files.exists(socket)) {
                throw new IOException("no " + socket);
            }
            address = UnixDomainSocketAddress.of(socket);
        } else {
            Path portFile = place.dir().resolve(PORT_FILE);
            if (!Files.exists(portFile)) {
                throw new IOException("no " + portFile);
            }
            String[] parts = Files.readString(portFile, StandardCharsets.UTF_8).strip().split(" ");
            if (parts.length != 2) {
                throw new IOException(portFile + " is incomplete");
            }
            address = new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(parts[0]));
            token = parts[1];
        }
        try (SocketChannel channel = SocketChannel.open(address)) {
            StringBuilder message = new StringBuilder();
            if (token != null) {
                message.append(token).append('\n');
            }
            message.append(HELLO).append('\n');
            request.arguments().forEach(arg -> message.append(arg).append('\n'));
            channel.write(ByteBuffer.wrap(message.append('\n').toString().getBytes(StandardCharsets.UTF_8)));
            channel.shutdownOutput();
            byte[] reply = Channels.newInputStream(channel).readNBytes(MAX_REQUEST_BYTES);
            String text = new String(reply, StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                throw new IOException("the running KeyDeck closed the channel without an answer");
            }
            return text;
        }
    }

    /** The request's lines up to the empty line, at most {@value #MAX_REQUEST_BYTES} bytes. */
    private static List<String> readLines(SocketChannel client) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(512);
        while (bytes.size() < MAX_REQUEST_BYTES) {
            buffer.clear();
            int n = client.read(buffer);
            if (n < 0) {
                break;
            }
            bytes.write(buffer.array(), 0, n);
            if (bytes.toString(StandardCharsets.UTF_8).contains("\n\n")) {
                break;
            }
        }
        List<String> lines = new ArrayList<>();
        for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n", -1)) {
            if (line.isEmpty()) {
                break;
            }
            lines.add(line);
        }
        return lines;
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /** Where the channel listens, for the log and tests. */
    public String address() {
        try {
            return server.getLocalAddress().toString();
        } catch (IOException e) {
            return place.dir().toString();
        }
    }

    /** Stops listening, removes the socket or port file and releases the lock. */
    @Override
    public void close() {
        closed = true;
        try {
            server.close();
            Files.deleteIfExists(place.dir().resolve(place.unixSocket() ? SOCKET_FILE : PORT_FILE));
            lock.release();
            lockFile.close();
        } catch (IOException e) {
            LOG.debug("Closing the single-window channel: {}", e.toString());
        }
        handler.completeExceptionally(new IllegalStateException("closed"));
    }

}
