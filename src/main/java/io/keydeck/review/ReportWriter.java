package io.keydeck.review;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Turns {@link ReportData} into a CSV, JSON or HTML file, through the {@link StreamedReport} the command
 * line streams. Writes to a temporary file beside the target and moves it into place, so a reader never
 * sees half a report and a failed write leaves the old file untouched.
 */
public final class ReportWriter {
    private ReportWriter() {
    }

    /** Writes a report to {@code out}, which it is handed to write; for {@link #atomically}. */
    public interface Body<E extends Exception> {
        void writeTo(OutputStream out) throws IOException, E;
    }

    /** The report as text (UTF-8 when written), e.g. for tests and the clipboard. */
    public static String render(ReportFormat format, ReportData data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(format, data, out);
        } catch (IOException e) {
            throw new UncheckedIOException("a report in memory always writes", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Writes the report of a review held in memory to {@code out} (left open). */
    public static void write(ReportFormat format, ReportData data, OutputStream out) throws IOException {
        try (StreamedReport report = StreamedReport.open(format, data.generatedAt(), data.thresholds(), out)) {
            for (ReportData.KeyRow row : data.rows()) {
                report.key(row);
            }
            report.finish(data.reviews().stream().map(ConnectionTotals::of).toList());
        }
    }

    /** Writes the report to {@code out} atomically (temp file + move), creating missing parent folders. */
    public static void write(ReportFormat format, ReportData data, Path out) throws IOException {
        atomically(out, stream -> write(format, data, stream));
    }

    /**
     * Has {@code body} write a file beside {@code out} and moves it into place only when the body ends
     * normally; otherwise the temporary file is removed and {@code out} left as it was.
     */
    public static <E extends Exception> void atomically(Path out, Body<E> body) throws IOException, E {
        Path target = out.toAbsolutePath();
        Path folder = target.getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, "." + target.getFileName() + "-", ".tmp");
        try {
            try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
                body.writeTo(stream);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
