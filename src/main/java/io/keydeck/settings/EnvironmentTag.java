package io.keydeck.settings;

/** How careful to be with a connection: a production gateway gets a red badge and extra confirmations. */
public enum EnvironmentTag {
    PRODUCTION("Production"),
    STAGING("Staging"),
    DEVELOPMENT("Development");

    private final String label;

    EnvironmentTag(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
