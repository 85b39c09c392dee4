package io.keydeck.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * A table printed as its rows arrive, page by page, holding none of them: the column widths come from
 * the headers and the first page that has rows, then stay fixed. A later cell wider than its column
 * (at most {@link Text#MAX_COLUMN}) is shown whole and pushes the rest of its row right.
 */
final class StreamedTable {
    private final PrintStream out;
    private final List<String> headers;
    private int[] widths;

    StreamedTable(PrintStream out, List<String> headers) {
        this.out = out;
        this.headers = List.copyOf(headers);
    }

    /** Prints one page of rows (the header first, with the first rows) and flushes. */
    void rows(List<List<String>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder page = new StringBuilder(rows.size() * 120);
        if (widths == null) {
            widths = Text.widths(headers);
            rows.forEach(r -> Text.widen(widths, r));
            page.append(Text.row(widths, headers)).append(System.lineSeparator());
        }
        rows.forEach(r -> page.append(Text.row(widths, r)).append(System.lineSeparator()));
        out.print(page); // one write a page: stdout flushes at every println, a system call a row
        out.flush();
    }

    /** Ends the table: the header alone when no row came. */
    void end() {
        if (widths == null) {
            widths = Text.widths(headers);
            Text.printRow(out, widths, headers);
        }
        out.flush();
    }
}
