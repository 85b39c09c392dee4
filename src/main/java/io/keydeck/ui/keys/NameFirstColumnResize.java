package io.keydeck.ui.keys;

import javafx.scene.control.ConstrainedColumnResizeBase;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.util.Callback;

import java.util.List;
import java.util.Map;

/**
 * The Keys table's column widths: the columns fill the table, and the room of a wide window goes mostly to the
 * key's name (half of it; a sixth to its owner, a third to the rest) rather than to whichever column is last; a
 * narrow window takes it from the other columns first, down to their minimums, before it cuts the name below
 * its usual width.
 *
 * <p>Each column starts from its preferred width, which is what the table layout restores after a restart;
 * a column the user drags is resized as JavaFX's flex-last policy does, and every column's preferred width
 * then becomes its new width, so the drag survives the next window resize and the next session.
 */
final class NameFirstColumnResize extends ConstrainedColumnResizeBase
        implements Callback<TableView.ResizeFeatures, Boolean> {
    /**
     * How the room of a wide window is shared: the name three parts, the owner one, and the other columns two
     * between them (by their widths), so cut dates and limits widen a little too; a column at its maximum
     * leaves its part to the rest.
     */
    private static final Map<String, Double> GROWS = Map.of("nameColumn", 3.0, "ownerColumn", 1.0);
    private static final double OTHERS = 2.0;
    private static final String NATURAL = "keydeck.naturalWidth";

    private NameFirstColumnResize() {
    }

    /** Sets the policy on {@code table}, remembering the name column's usual width (its width before any restore). */
    static void install(TableView<?> table) {
        table.getColumns().forEach(c -> c.getProperties().putIfAbsent(NATURAL, c.getPrefWidth()));
        table.setColumnResizePolicy(new NameFirstColumnResize());
    }

    @Override
    public Boolean call(TableView.ResizeFeatures features) {
        TableView<?> table = features.getTable();
        List<? extends TableColumnBase<?, ?>> columns = table.getVisibleLeafColumns();
        if (features.getColumn() != null) {
            Boolean done = TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN.call(features);
            columns.forEach(c -> c.setPrefWidth(c.getWidth())); // the drag is the layout from now on
            return done;
        }
        double target = features.getContentWidth();
        if (target <= 0 || columns.isEmpty()) {
            return false;
        }
        double[] widths = widths(columns, target);
        for (int i = 0; i < widths.length; i++) {
            @SuppressWarnings("unchecked")
            TableColumn<Object, ?> column = (TableColumn<Object, ?>) columns.get(i);
            features.setColumnWidth(column, widths[i]);
        }
        return false;
    }

    /** The width of each of {@code columns} so that together they fill {@code target}, where their limits allow. */
    static double[] widths(List<? extends TableColumnBase<?, ?>> columns, double target) {
        int n = columns.size();
        double[] width = new double[n];
        double[] growWeight = new double[n];
        double[] others = new double[n];
        double[] natural = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            TableColumnBase<?, ?> column = columns.get(i);
            width[i] = clip(column, column.getPrefWidth());
            sum += width[i];
            boolean resizable = column.isResizable();
            growWeight[i] = resizable && column.getId() != null ? GROWS.getOrDefault(column.getId(), 0.0) : 0;
            others[i] = resizable && growWeight[i] == 0 ? Math.max(1, width[i]) : 0;
            Object usual = column.getProperties().get(NATURAL);
            natural[i] = clip(column, usual instanceof Double d ? d : column.getPrefWidth());
        }
        double delta = Math.floor(target) - sum;
        if (delta > 0) {
            double othersTotal = java.util.Arrays.stream(others).sum();
            double[] weight = new double[n];
            for (int i = 0; i < n; i++) {
                weight[i] = growWeight[i] + (othersTotal > 0 ? OTHERS * others[i] / othersTotal : 0);
            }
            share(columns, width, weight, delta, null);
        } else if (delta < 0) {
            boolean[] name = new boolean[n];
            double[] aboveNatural = new double[n];
            double[] resizable = new double[n];
            for (int i = 0; i < n; i++) {
                name[i] = "nameColumn".equals(columns.get(i).getId());
                aboveNatural[i] = name[i] ? Math.max(0, width[i] - natural[i]) : 0;
                resizable[i] = columns.get(i).isResizable() ? 1 : 0;
            }
            delta = share(columns, width, aboveNatural, delta, natural);
            double[] notName = new double[n];
            for (int i = 0; i < n; i++) {
                notName[i] = name[i] ? 0 : resizable[i] * (width[i] - columns.get(i).getMinWidth());
            }
            delta = share(columns, width, notName, delta, null);
            share(columns, width, resizable, delta, null);
        }
        double whole = 0;
        for (int i = 0; i < n; i++) {
            width[i] = Math.floor(width[i]); // whole pixels; what that leaves goes to the name
            whole += width[i];
        }
        widenName(columns, width, Math.max(0, Math.floor(target) - whole));
        return width;
    }

    /**
     * Spreads {@code delta} (more room when positive, less when negative) over the columns with a weight, in
     * proportion to it, none past its maximum or minimum (nor below {@code floor} where given); what the
     * limits leave over is returned.
     */
    private static double share(List<? extends TableColumnBase<?, ?>> columns, double[] width, double[] weight,
                                double delta, double[] floor) {
        boolean[] full = new boolean[width.length];
        while (Math.abs(delta) >= 0.5) {
            double total = 0;
            for (int i = 0; i < width.length; i++) {
                total += full[i] ? 0 : weight[i];
            }
            if (total <= 0) {
                break;
            }
            double left = delta;
            for (int i = 0; i < width.length; i++) {
                if (full[i] || weight[i] <= 0) {
                    continue;
                }
                TableColumnBase<?, ?> column = columns.get(i);
                double wanted = width[i] + delta * weight[i] / total;
                double lowest = Math.max(column.getMinWidth(), floor == null ? 0 : floor[i]);
                double now = Math.min(column.getMaxWidth(), Math.max(lowest, wanted));
                full[i] = now != wanted;
                left -= now - width[i];
                width[i] = now;
            }
            delta = left;
        }
        return delta;
    }

    /** Pixels left over go to the name, so the columns fill the table exactly. */
    private static void widenName(List<? extends TableColumnBase<?, ?>> columns, double[] width, double delta) {
        for (int i = 0; i < width.length; i++) {
            if ("nameColumn".equals(columns.get(i).getId())) {
                width[i] = clip(columns.get(i), width[i] + delta);
            }
        }
    }

    private static double clip(TableColumnBase<?, ?> column, double width) {
        return Math.min(column.getMaxWidth(), Math.max(column.getMinWidth(), width));
    }
}
