package io.keydeck.ui.authlog;

import io.keydeck.ui.shell.ConsoleAuthFailures;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keydeck.model.AuthEvent;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes auth events to CSV or JSON for incident reports. Files are written to a temporary sibling
 * and moved into place, so a failed export never leaves half a file. CSV cells that a spreadsheet
 * would run as a formula (a client can put anything in its user agent) are prefixed with {@code '}.
 */
public final class AuthEventExport {
    static final List<String> COLUMNS = List.of("occurred_at", "status", "type", "code", "key_hint", "key_id",
            "client_ip", "user_agent", "method", "path", "request_id", "message", "source", "id");

    private AuthEventExport() {
    }

    public static void writeCsv(List<AuthEvent> events, Path target) throws IOException {
        writeAtomically(target, out -> {
            try (Writer w = new BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8))) {
                w.write(String.join(",", COLUMNS));
                w.write("\r\n");
                for (AuthEvent e : events) {
                    List<String> cells = cells(e);
                    for (int i = 0; i < cells.size(); i++) {
                        if (i > 0) {
                            w.write(',');
                        }
                        w.write(csvCell(cells.get(i)));
                    }
                    w.write("\r\n");
                }
            }
        });
    }

    public static void writeJson(List<AuthEvent> events, Path target) throws IOException {
        ObjectMapper json = new ObjectMapper();
        writeAtomically(target, out -> {
            try (JsonGenerator g = json.getFactory().createGenerator(out)) {
                g.useDefaultPrettyPrinter();
                g.writeStartArray();
                for (AuthEvent e : events) {
                    g.writeStartObject();
                    List<String> cells = cells(e);
                    for (int i = 0; i < COLUMNS.size(); i++) {
                        if (COLUMNS.get(i).equals("status")) {
                            g.writeNumberField("status", e.status());
                        } else {
                            g.writeStringField(COLUMNS.get(i), cells.get(i).isEmpty() ? null : cells.get(i));
                        }
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
        });
    }

    /** A CSV cell: quoted when needed, and defused when a spreadsheet would evaluate it. */
    static String csvCell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            v = '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    private static List<String> cells(AuthEvent e) {
        return List.of(e.occurredAt() == null ? "" : e.occurredAt().toString(), String.valueOf(e.status()),
                nn(e.type()), nn(e.code()), e.keyHint(), nn(e.keyId()), nn(e.clientIp()), nn(e.userAgent()),
                nn(e.method()), nn(e.path()), nn(e.requestId()), nn(e.message()),
                ConsoleAuthFailures.isFromConsole(e) ? "console" : "gateway", nn(e.id()));
    }

    private static String nn(String s) {
        return s == null ? "" : s;
    }

    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    private static void writeAtomically(Path target, Body body) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, ".keydeck-export-", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                body.write(out);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
