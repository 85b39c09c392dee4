package io.keydeck.cli;

import io.keydeck.model.VisibleText;

import java.io.PrintStream;
import java.util.List;

/**
 * Terminal-safe text: names, ids and messages come from gateways, and a control character or bidi
 * override must not drive the terminal (see {@link VisibleText}). Table cells are also bounded in
 * width, so a 10 kB name neither floods the screen nor grows the output with the longest value.
 */
final class Text {
    /** The widest a table column gets; longer values end in an ellipsis. */
    static final int MAX_COLUMN = 64;

    private Text() {
    }

    static String printable(String text) {
        return VisibleText.escape(text);
    }

    /** One table cell: escaped and at most {@link #MAX_COLUMN} characters. */
    static String cell(String text) {
        return VisibleText.escape(text, MAX_COLUMN);
    }

    /** Left-aligned columns separated by two spaces; the last column is not padded. */
    static String table(List<String> headers, List<List<String>> rows) {
        int[] widths = widths(headers);
        for (List<String> row : rows) {
            widen(widths, row);
        }
        StringBuilder out = new StringBuilder();
        out.append(row(widths, headers)).append('\n');
        rows.forEach(r -> out.append(row(widths, r)).append('\n'));
        return out.toString();
    }

    static int[] widths(List<String> headers) {
        int[] widths = new int[headers.size()];
        widen(widths, headers);
        return widths;
    }

    /** Grows {@code widths} to fit {@code row}'s cells as {@link #cell} shows them. */
    static void widen(int[] widths, List<String> row) {
        for (int i = 0; i < widths.length; i++) {
            widths[i] = Math.max(widths[i], cell(row.get(i)).length());
        }
    }

    /** One row, cells bounded and padded to {@code widths}; printed straight away so no table is built. */
    static void printRow(PrintStream out, int[] widths, List<String> row) {
        out.println(row(widths, row));
    }

    /** One row as {@link #printRow} prints it, without the line end. */
    static String row(int[] widths, List<String> row) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            String cell = cell(row.get(i));
            line.append(cell);
            if (i < widths.length - 1) {
                line.append(" ".repeat(Math.max(2, widths[i] + 2 - cell.length())));
            }
        }
        return line.toString().stripTrailing();
    }
}
