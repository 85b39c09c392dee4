package io.keydeck.ui.common;

import javafx.beans.property.ObjectProperty;
import javafx.scene.control.ToggleGroup;

import java.util.function.Function;

/** A group of pill toggles picking one value of a property, by each toggle's user data. */
public final class PillChoice {
    private PillChoice() {
    }

    /**
     * From now on the pill chosen in {@code group} sets {@code target} to its user data, parsed; "" as user data
     * means no restriction (null). A pill group always has one choice: unpressing the chosen pill keeps it.
     */
    public static <T> void bind(ToggleGroup group, Function<String, T> parse, ObjectProperty<T> target) {
        group.selectedToggleProperty().addListener((obs, old, toggle) -> {
            if (toggle == null) {
                group.selectToggle(old);
                return;
            }
            String value = (String) toggle.getUserData();
            target.set(value.isEmpty() ? null : parse.apply(value));
        });
    }
}
