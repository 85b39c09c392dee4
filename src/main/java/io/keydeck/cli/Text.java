package io.keydeck.cli;

import java.util.ArrayList;
import java.util.List;

/** Terminal-safe text: names come from gateways, and a control character must not drive the terminal. */
final class Text {
    private Text() {
    }

    static String printable(String text) {
        return text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
    }

    /** Left-aligned columns separated by two spaces; the last column is not padded. */
    static String table(List<String> headers, List<List<String>> rows) {
        int[] widths = new int[headers.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(headers);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], printable(row.get(i)).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                String cell = printable(row.get(i));
                line.append(i == widths.length - 1 ? cell : String.format("%-" + (widths[i] + 2) + "s", cell));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
