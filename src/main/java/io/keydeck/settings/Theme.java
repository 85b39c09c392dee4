package io.keydeck.settings;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** The look the user picked; SYSTEM follows the OS light/dark setting. */
public enum Theme {
    @JsonEnumDefaultValue SYSTEM,
    LIGHT,
    DARK
}
