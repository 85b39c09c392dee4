package io.keydeck.settings;

import java.util.List;

/**
 * How the user arranged a table: column order and widths, and what it is sorted by, so it looks the
 * same after a restart.
 *
 * @param columns   every column in the order shown
 * @param sortOrder ids of the sort columns, most significant first
 */
public record TableLayout(List<Column> columns, List<String> sortOrder) {
    public TableLayout {
        columns = columns == null ? List.of() : List.copyOf(columns);
        sortOrder = sortOrder == null ? List.of() : List.copyOf(sortOrder);
    }

    /** One column: its id, width, and whether it sorts descending (when it is in the sort order). */
    public record Column(String id, double width, boolean descending) {
    }
}
