package io.keydeck.review;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Text written now and copied out later (the HTML report's key table, which follows the summary):
 * held in memory up to {@value #IN_MEMORY} characters, then in a temporary file.
 */
final class TextSpool implements Closeable {
    private static final int IN_MEMORY = 1 << 20;

    private final StringBuilder held = new StringBuilder();
    private Path file;
    private Writer fileOut;

    void append(CharSequence text) throws IOException {
        if (fileOut != null) {
            fileOut.append(text);
            return;
        }
        held.append(text);
        if (held.length() > IN_MEMORY) {
            file = Files.createTempFile("keydeck-report-", ".part");
            fileOut = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
            fileOut.append(held);
            held.setLength(0);
            held.trimToSize();
        }
    }

    void copyTo(Writer out) throws IOException {
        if (fileOut == null) {
            out.append(held);
            return;
        }
        fileOut.flush();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.transferTo(out);
        }
    }

    @Override
    public void close() throws IOException {
        if (fileOut != null) {
            fileOut.close();
            Files.deleteIfExists(file);
            fileOut = null;
        }
    }
}
