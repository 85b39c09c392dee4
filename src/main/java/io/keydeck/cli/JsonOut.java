package io.keydeck.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keydeck.model.VisibleText;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * {@code --json} output: streamed, pretty-printed, one document per command. Control characters, C1 and
 * bidi overrides are written as backslash-u escapes (the same value to a JSON reader), so the output
 * is safe on a terminal too.
 */
final class JsonOut {
    /** A mapper's factory, so a body may also write a prepared tree ({@code writeTree}) through the same escapes. */
    private static final JsonFactory JSON = new ObjectMapper().getFactory();

    /** Writes one JSON document with {@code body}. */
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private JsonOut() {
    }

    static void write(PrintStream out, Body body) {
        try (JsonGenerator g = open(out)) {
            body.write(g);
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("writing to stdout failed", e);
        }
        out.flush();
    }

    /**
     * A generator for a document written in parts as data arrives (flush after each part). Closing it
     * does not close what is still open: a listing cut short by an error stays an unfinished document,
     * which a JSON reader refuses, rather than a complete-looking one that lacks the rest.
     */
    static JsonGenerator open(PrintStream out) throws IOException {
        JsonGenerator g = JSON.createGenerator(out);
        g.setCharacterEscapes(TerminalSafeEscapes.INSTANCE);
        g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        g.configure(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT, false);
        g.useDefaultPrettyPrinter();
        return g;
    }

    static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }

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
}
