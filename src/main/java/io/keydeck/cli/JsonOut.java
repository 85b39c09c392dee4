package io.keydeck.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import io.keydeck.model.VisibleText;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/**
 * {@code --json} output: streamed, one document per command; indented on a terminal, and on a pipe compact
 * with each item of the outermost array on its own line ({@link OneItemALine}). Control characters, C1 and
 * bidi overrides are written as backslash-u escapes (the same value to a JSON reader), so the output
 * is safe on a terminal too.
 */
final class JsonOut {
    /** Token by token only: no mapper is made for a command's output (its set-up is a tenth of a second). */
    private static final JsonFactory JSON = new JsonFactory();

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
        // 64 KB a write to stdout instead of Jackson's 8 KB: a million keys are ~450 MB of JSON
        JsonGenerator g = JSON.createGenerator(new BufferedOutputStream(out, 1 << 16));
        g.setCharacterEscapes(TerminalSafeEscapes.INSTANCE);
        g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        g.configure(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT, false);
        if (System.console() != null) {
            g.useDefaultPrettyPrinter();
        } else {
            g.setPrettyPrinter(new OneItemALine());
        }
        return g;
    }

    /**
     * {@link Instant#toString()}'s text ("2026-10-01T08:00:00Z"), made without its formatter for whole
     * seconds in years 1000-9999 (three of them a key in a listing of a million); anything else goes to
     * {@code toString} itself.
     */
    static String iso(Instant instant) {
        if (instant == null) {
            return null;
        }
        long seconds = instant.getEpochSecond();
        if (instant.getNano() != 0 || seconds < YEAR_1000 || seconds >= YEAR_10000) {
            return instant.toString();
        }
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400));
        int second = (int) Math.floorMod(seconds, 86_400);
        byte[] text = new byte[20];
        digits(text, 0, day.getYear(), 4);
        text[4] = '-';
        digits(text, 5, day.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, day.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, second / 3600, 2);
        text[13] = ':';
        digits(text, 14, second / 60 % 60, 2);
        text[16] = ':';
        digits(text, 17, second % 60, 2);
        text[19] = 'Z';
        return new String(text, StandardCharsets.US_ASCII);
    }

    private static final long YEAR_1000 = -30_610_224_000L;
    private static final long YEAR_10000 = 253_402_300_800L;

    private static void digits(byte[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
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
