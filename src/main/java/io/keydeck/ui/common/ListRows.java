package io.keydeck.ui.common;

import javafx.beans.binding.Bindings;
import javafx.scene.control.ListView;

/** Sidebar lists that are exactly as tall as their rows, so they never scroll or cut a row. */
public final class ListRows {
    private ListRows() {
    }

    /** Fixes the row height and keeps the list as tall as its rows plus the theme's insets. */
    public static void fit(ListView<?> list, double rowHeight) {
        list.setFixedCellSize(rowHeight);
        list.prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> list.getItems().size() * rowHeight + list.getInsets().getTop() + list.getInsets().getBottom()
                        + 2, // a rounding pixel above and below, or the first row's top is clipped
                list.getItems(), list.insetsProperty()));
        list.minHeightProperty().bind(list.prefHeightProperty());
    }
}
