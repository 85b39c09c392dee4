package io.keydeck.settings;

/** One thing wrong with a connection profile, tied to the form field that should show it. */
public record ProfileProblem(Field field, String message) {

    /** The connection form's fields. */
    public enum Field { DISPLAY_NAME, DRIVER, BASE_URL, DEADLINE }
}
