package io.keydeck.ui.common;

import io.keydeck.settings.Preferences;
import io.keydeck.settings.TableLayout;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Puts every table and split pane of a view back the way the user left it (column order, widths,
 * sort; divider positions) and reads them again at exit. Tables and panes are known by
 * {@code view.fx:id}, e.g. {@code keys.table}; columns by their fx:id.
 */
public final class LayoutMemory {
    private final Map<String, TableLayout> tables;
    private final Map<String, List<Double>> dividers;
    private final Map<String, TableView<?>> liveTables = new LinkedHashMap<>();
    private final Map<String, SplitPane> liveSplits = new LinkedHashMap<>();

    public LayoutMemory(Preferences saved) {
        tables = new HashMap<>(saved.tables());
        dividers = new HashMap<>(saved.dividers());
    }

    /** Restores and from now on follows every table and split pane with an id under {@code root}. */
    public void adopt(String view, Parent root) {
        walk(root, node -> {
            if (node.getId() == null) {
                return;
            }
            String key = view + "." + node.getId();
            if (node instanceof TableView<?> table) {
                liveTables.put(key, table);
                restore(table, tables.get(key));
            } else if (node instanceof SplitPane split) {
                liveSplits.put(key, split);
                List<Double> positions = dividers.get(key);
                if (positions != null && positions.size() == split.getDividers().size()) {
                    split.setDividerPositions(positions.stream().mapToDouble(Double::doubleValue).toArray());
                }
            }
        });
    }

    /** The layouts as they are now, including tables of views not opened this time. */
    public Map<String, TableLayout> tableLayouts() {
        Map<String, TableLayout> now = new HashMap<>(tables);
        liveTables.forEach((key, table) -> now.put(key, capture(table)));
        return now;
    }

    public Map<String, List<Double>> dividerPositions() {
        Map<String, List<Double>> now = new HashMap<>(dividers);
        liveSplits.forEach((key, split) -> now.put(key,
                java.util.Arrays.stream(split.getDividerPositions()).boxed().toList()));
        return now;
    }

    static TableLayout capture(TableView<?> table) {
        List<TableLayout.Column> columns = new ArrayList<>();
        for (TableColumn<?, ?> column : table.getColumns()) {
            if (column.getId() != null) {
                columns.add(new TableLayout.Column(column.getId(), column.getWidth(),
                        column.getSortType() == TableColumn.SortType.DESCENDING));
            }
        }
        List<String> sort = table.getSortOrder().stream().map(TableColumn::getId).filter(Objects::nonNull).toList();
        return new TableLayout(columns, sort);
    }

    static <S> void restore(TableView<S> table, TableLayout layout) {
        if (layout == null || layout.columns().isEmpty()) {
            return;
        }
        List<String> order = layout.columns().stream().map(TableLayout.Column::id).toList();
        List<TableColumn<S, ?>> columns = new ArrayList<>(table.getColumns());
        // Columns the saved layout does not know (added in a later version) keep their place at the end.
        columns.sort(Comparator.comparingInt(c -> order.contains(c.getId()) ? order.indexOf(c.getId()) : order.size()));
        table.getColumns().setAll(columns);
        for (TableLayout.Column saved : layout.columns()) {
            column(table, saved.id()).ifPresent(column -> {
                if (saved.width() > 0) {
                    column.setPrefWidth(saved.width());
                }
                column.setSortType(saved.descending() ? TableColumn.SortType.DESCENDING : TableColumn.SortType.ASCENDING);
            });
        }
        List<TableColumn<S, ?>> sort = new ArrayList<>();
        layout.sortOrder().forEach(id -> column(table, id).ifPresent(sort::add));
        if (!sort.isEmpty()) {
            table.getSortOrder().setAll(sort);
        }
    }

    private static <S> java.util.Optional<TableColumn<S, ?>> column(TableView<S> table, String id) {
        return table.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst();
    }

    private static void walk(Node node, java.util.function.Consumer<Node> visit) {
        visit.accept(node);
        if (node instanceof SplitPane split) {
            split.getItems().forEach(item -> walk(item, visit));
        } else if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> walk(child, visit));
        }
    }
}
