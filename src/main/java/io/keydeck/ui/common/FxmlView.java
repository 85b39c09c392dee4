package io.keydeck.ui.common;

/** Every FXML screen of the app, so a view is found by name and a typo fails at compile time. */
public enum FxmlView {
    MAIN_WINDOW("/io/keydeck/ui/main/MainWindow.fxml"),
    KEYS("/io/keydeck/ui/keys/KeysView.fxml"),
    REVIEW("/io/keydeck/ui/review/ReviewView.fxml");

    private final String resource;

    FxmlView(String resource) {
        this.resource = resource;
    }

    public String resource() {
        return resource;
    }
}
