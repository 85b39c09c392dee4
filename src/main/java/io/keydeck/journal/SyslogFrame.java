package io.keydeck.journal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One journal line as an RFC 5424 syslog message in RFC 6587 octet-counting framing:
 * {@code LEN SP <109>1 TIMESTAMP HOST keydeck - journal - LINE}. PRI 109 is facility 13 (log audit),
 * severity 5 (notice). MSG is the line's bytes unchanged and without a BOM, so the receiver stores
 * exactly what was signed.
 */
final class SyslogFrame {
    static final int PRI = 13 * 8 + 5;

    private SyslogFrame() {
    }

    static byte[] frame(Instant time, String host, byte[] line) {
        byte[] header = ("<" + PRI + ">1 " + time.truncatedTo(ChronoUnit.MILLIS) + " " + host
                + " keydeck - journal - ").getBytes(StandardCharsets.US_ASCII);
        byte[] length = (header.length + line.length + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] frame = new byte[length.length + header.length + line.length];
        System.arraycopy(length, 0, frame, 0, length.length);
        System.arraycopy(header, 0, frame, length.length, header.length);
        System.arraycopy(line, 0, frame, length.length + header.length, line.length);
        return frame;
    }
}
