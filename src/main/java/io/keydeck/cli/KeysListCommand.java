package io.keydeck.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import io.keydeck.gateway.GatewayException;
import io.keydeck.model.ApiKey;
import io.keydeck.model.VisibleText;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code keydeck keys list}: every key of a gateway, as a table for people or JSON for scripts. */
final class KeysListCommand implements Subcommand {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);
    private static final CommandSpec SPEC = new CommandSpec("keys list", "List the keys of a gateway (never their secrets).",
            "", 0, 0, options(), GatewayConnection.HELP + "\nThe table goes to stdout; --json prints a JSON array instead.");

    private static List<OptionSpec> options() {
        List<OptionSpec> options = new ArrayList<>(GatewayConnection.OPTIONS);
        options.add(OptionSpec.flag("--json", "print JSON instead of a table"));
        options.add(OptionSpec.flag("--all", "include revoked keys"));
        return options;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(ParsedArgs args, CliContext context) throws CliFailure {
        List<ApiKey> keys;
        try (GatewayConnection gateway = GatewayConnection.open(args, context)) {
            keys = gateway.client().listAllKeys(args.has("--all"), n -> { });
        } catch (GatewayException e) {
            throw CliFailure.of(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCode.GATEWAY, "listing keys was interrupted.");
        }
        Instant now = context.clock().instant();
        if (args.has("--json")) {
            json(keys, now, context.out());
        } else {
            table(keys, now, context.out());
        }
        context.out().flush();
        context.err().println(keys.size() + (keys.size() == 1 ? " key." : " keys."));
        return ExitCode.OK;
    }

    private static final List<String> HEADERS = List.of("ID", "NAME", "KEY", "ENV", "STATUS", "LAST USED", "EXPIRES",
            "SCOPES");

    /** Row by row: column widths from one pass over the keys, cells bounded, nothing built for the whole table. */
    private static void table(List<ApiKey> keys, Instant now, PrintStream out) {
        int[] widths = Text.widths(HEADERS);
        for (ApiKey k : keys) {
            Text.widen(widths, row(k, now));
        }
        Text.printRow(out, widths, HEADERS);
        for (ApiKey k : keys) {
            Text.printRow(out, widths, row(k, now));
        }
    }

    private static List<String> row(ApiKey k, Instant now) {
        return List.of(k.id(), k.name(), k.hint(), k.environment().wireName(),
                k.status(now).name().toLowerCase(Locale.ROOT), time(k.lastUsedAt(), "never"),
                time(k.expiresAt(), "-"), String.join(",", k.scopes()));
    }

    private static String time(Instant instant, String absent) {
        return instant == null ? absent : MINUTES.format(instant);
    }

    /** For tests: the JSON as one string. */
    static String json(List<ApiKey> keys, Instant now) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        json(keys, now, out);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * Streams the JSON array key by key. Control characters, C1 and bidi overrides are written as
     * backslash-u escapes (the same value to a JSON reader), so the output is safe on a terminal too.
     */
    static void json(List<ApiKey> keys, Instant now, PrintStream out) {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.setCharacterEscapes(TerminalSafeEscapes.INSTANCE);
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (ApiKey k : keys) {
                g.writeStartObject();
                g.writeStringField("id", k.id());
                g.writeStringField("name", k.name());
                g.writeStringField("hint", k.hint());
                g.writeStringField("prefix", k.prefix());
                g.writeStringField("last_four", k.lastFour());
                g.writeStringField("environment", k.environment().wireName());
                g.writeStringField("status", k.status(now).name().toLowerCase(Locale.ROOT));
                g.writeArrayFieldStart("scopes");
                for (String scope : k.scopes()) {
                    g.writeString(scope);
                }
                g.writeEndArray();
                g.writeStringField("created_at", iso(k.createdAt()));
                g.writeStringField("last_used_at", iso(k.lastUsedAt()));
                g.writeStringField("last_used_ip", k.lastUsedIp());
                g.writeStringField("expires_at", iso(k.expiresAt()));
                g.writeBooleanField("revoked", k.revoked());
                g.writeStringField("revoked_at", iso(k.revokedAt()));
                g.writeBooleanField("disabled", k.disabled());
                g.writeObjectFieldStart("attributes");
                for (var attribute : k.attributes().entrySet()) {
                    g.writeStringField(attribute.getKey(), attribute.getValue());
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("writing to stdout failed", e);
        }
    }

    private static final JsonFactory JSON = new JsonFactory();

    /** Jackson escapes C0 controls itself; this adds DEL, C1 and the bidi characters. */
    private static final class TerminalSafeEscapes extends CharacterEscapes {
        static final TerminalSafeEscapes INSTANCE = new TerminalSafeEscapes();
        private final int[] ascii = CharacterEscapes.standardAsciiEscapesForJSON();

        private TerminalSafeEscapes() {
            ascii[0x7f] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return VisibleText.isHostile(ch) ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
