package io.keydeck.review;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Turns {@link ReportData} into a CSV, JSON or HTML file. Writes to a temporary file beside the
 * target and moves it into place, so a reader never sees half a report and a failed write leaves
 * the old file untouched.
 */
public final class ReportWriter {
    private ReportWriter() {
    }

    /** The report as text (UTF-8 when written), e.g. for {@code keydeck report} on standard output. */
    public static String render(ReportFormat format, ReportData data) {
        return switch (format) {
            case CSV -> CsvReport.render(data);
            case JSON -> JsonReport.render(data);
            case HTML -> HtmlReport.render(data);
        };
    }

    /** Writes the report to {@code out} atomically (temp file + move), creating missing parent folders. */
    public static void write(ReportFormat format, ReportData data, Path out) throws IOException {
        Path target = out.toAbsolutePath();
        Path folder = target.getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, "." + target.getFileName() + "-", ".tmp");
        try {
            Files.writeString(temp, render(format, data), StandardCharsets.UTF_8);
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
