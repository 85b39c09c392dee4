package io.keydeck.ui.common;

import javafx.util.StringConverter;

import java.util.function.Function;

/** How a combo box shows its items when the user only picks, never types: one converter for all. */
public final class DisplayText {
    private DisplayText() {
    }

    /** Shows each item as {@code text} says (empty for null); typed text is never turned back into an item. */
    public static <T> StringConverter<T> of(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                return null;
            }
        };
    }
}
