package io.keydeck.model;

/** A partial change to a key: null fields stay as they are. */
public record KeyUpdate(String name, Boolean disabled) {
    public static KeyUpdate rename(String name) {
        return new KeyUpdate(name, null);
    }

    public static KeyUpdate disabled(boolean disabled) {
        return new KeyUpdate(null, disabled);
    }
}
