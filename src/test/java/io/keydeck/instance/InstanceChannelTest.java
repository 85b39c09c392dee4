package io.keydeck.instance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** The lock and both kinds of channel, in one process: the loopback fallback needs its token. */
class InstanceChannelTest {
    @TempDir Path dir;

    @Test
    void theLoopbackFallbackAnswersOnlyACallerWithTheTokenFromTheOwnerOnlyFile() throws Exception {
        InstanceChannel.Place place = new InstanceChannel.Place(dir.resolve("kd"), false);
        InstanceChannel.Outcome first = InstanceChannel.claimOrHandOver(new WindowRequest(null, null, null, false), place);
        assertThat(first).isInstanceOf(InstanceChannel.Claimed.class);
        try (InstanceChannel channel = ((InstanceChannel.Claimed) first).channel()) {
            channel.serve(request -> "open " + request.view());
            Path portFile = place.dir().resolve(InstanceChannel.PORT_FILE);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(portFile))).isEqualTo("rw-------");

            InstanceChannel.Outcome second = InstanceChannel.claimOrHandOver(
                    new WindowRequest("review", null, null, false), place);
            assertThat(second).isEqualTo(new InstanceChannel.HandedOver("open review"));

            int port = Integer.parseInt(Files.readString(portFile).split(" ")[0]);
            assertThat(call(port, "wrong-token\nkeydeck-open/1\n--view=keys\n\n")).isEmpty();
        }
        assertThat(place.dir().resolve(InstanceChannel.PORT_FILE)).doesNotExist();
        // released: the next start claims it again
        InstanceChannel.Outcome again = InstanceChannel.claimOrHandOver(new WindowRequest(null, null, null, false), place);
        assertThat(again).isInstanceOf(InstanceChannel.Claimed.class);
        ((InstanceChannel.Claimed) again).channel().close();
    }

    @Test
    void theUnixSocketLivesInAnOwnerOnlyDirectory() throws Exception {
        InstanceChannel.Place place = new InstanceChannel.Place(Files.createTempDirectory("kd18u").resolve("keydeck"), true);
        InstanceChannel.Outcome first = InstanceChannel.claimOrHandOver(new WindowRequest(null, null, null, false), place);
        try (InstanceChannel channel = ((InstanceChannel.Claimed) first).channel()) {
            channel.serve(request -> "connection " + request.connection());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(place.dir()))).isEqualTo("rwx------");
            assertThat(InstanceChannel.claimOrHandOver(new WindowRequest(null, "Prod", null, false), place))
                    .isEqualTo(new InstanceChannel.HandedOver("connection Prod"));
        }
        assertThat(place.dir().resolve(InstanceChannel.SOCKET_FILE)).doesNotExist();
    }

    private static String call(int port, String message) throws IOException {
        try (SocketChannel channel = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
            channel.write(ByteBuffer.wrap(message.getBytes(StandardCharsets.UTF_8)));
            channel.shutdownOutput();
            return new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
