package io.keydeck.ui.common;

import javafx.util.Callback;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The one way FXML controllers come to life: {@link javafx.fxml.FXMLLoader} asks this registry, which
 * builds the controller with its dependencies through its constructor. A controller nobody registered
 * fails loudly instead of being created by reflection with its dependencies missing.
 */
public final class ControllerFactory implements Callback<Class<?>, Object> {
    private final Map<Class<?>, Supplier<?>> registry = new HashMap<>();

    public <T> ControllerFactory register(Class<T> type, Supplier<? extends T> creator) {
        Objects.requireNonNull(creator, "creator");
        if (registry.putIfAbsent(type, creator) != null) {
            throw new IllegalStateException("Controller registered twice: " + type.getName());
        }
        return this;
    }

    @Override
    public Object call(Class<?> type) {
        Supplier<?> creator = registry.get(type);
        if (creator == null) {
            throw new IllegalStateException("No controller registered for " + type.getName()
                    + "; add it to the controller registry");
        }
        return creator.get();
    }
}
