package io.keydeck.review;

import java.util.Locale;

/** The file formats a review can be exported as. */
public enum ReportFormat {
    CSV("csv"), JSON("json"), HTML("html");

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    /** The file name extension without the dot, e.g. {@code html}. */
    public String extension() {
        return extension;
    }

    /** Parses "csv", "json" or "html" (any case); anything else names the choices. */
    public static ReportFormat parse(String text) {
        for (ReportFormat format : values()) {
            if (format.extension.equalsIgnoreCase(text == null ? "" : text.strip())) {
                return format;
            }
        }
        throw new IllegalArgumentException("Unknown report format \"" + text + "\"; use csv, json or html.");
    }

    /** The format a file name's extension asks for, or {@code fallback}. */
    public static ReportFormat forFileName(String fileName, ReportFormat fallback) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (ReportFormat format : values()) {
            if (lower.endsWith("." + format.extension)) {
                return format;
            }
        }
        return fallback;
    }
}
