package io.keydeck.review;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A report written while the keys are reviewed, in memory that does not grow with their number: each key
 * goes out (or, for HTML, to a spool) as it comes, the findings wait in sorted runs on disk, and
 * {@link #finish} writes what needs every key seen. {@code keydeck report} streams one this way;
 * {@link ReportWriter} feeds one from a review held in memory, so both write the same report.
 */
public final class StreamedReport implements AutoCloseable {
    private final Writer out;
    private final ReportFormatWriter format;
    private final FindingSpool findings;

    private StreamedReport(Writer out, ReportFormatWriter format, int findingRun) {
        this.out = out;
        this.format = format;
        this.findings = new FindingSpool(findingRun);
    }

    /** A report to {@code out} (UTF-8; left open). */
    public static StreamedReport open(ReportFormat format, Instant generatedAt, Thresholds thresholds,
                                      OutputStream out) throws IOException {
        return open(format, generatedAt, thresholds, out, FindingSpool.RUN_SIZE);
    }

    static StreamedReport open(ReportFormat format, Instant generatedAt, Thresholds thresholds, OutputStream out,
                               int findingRun) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        ReportFormatWriter formatWriter = switch (format) {
            case CSV -> new CsvReport(writer);
            case JSON -> new JsonReport(writer, generatedAt, thresholds);
            case HTML -> new HtmlReport(writer, generatedAt, thresholds);
        };
        return new StreamedReport(writer, formatWriter, findingRun);
    }

    public void key(ReportData.KeyRow row) throws IOException {
        format.key(row);
        for (Finding finding : row.findings()) {
            findings.add(finding);
        }
    }

    /** Passes on what was written so far (after a page of keys, say). */
    public void flush() throws IOException {
        format.flush();
        out.flush();
    }

    /** Writes what needs every key seen: findings in report order and the summary. */
    public void finish(List<ConnectionTotals> connections) throws IOException {
        format.end(connections, findings.sorted());
        out.flush();
    }

    /** The first {@code count} findings in report order (most severe first). */
    public List<Finding> first(int count) throws IOException {
        List<Finding> first = new ArrayList<>();
        for (Iterator<Finding> all = findings.sorted(); all.hasNext() && first.size() < count; ) {
            first.add(all.next());
        }
        return first;
    }

    /** Removes the spools; the output stays open. */
    @Override
    public void close() throws IOException {
        try {
            format.discard();
        } finally {
            findings.close();
        }
    }
}
