package io.keydeck.ui.common;

/** Every FXML screen of the app, so a view is found by name and a typo fails at compile time. */
public enum FxmlView {
    MAIN_WINDOW("/io/keydeck/ui/main/MainWindow.fxml"),
    KEYS("/io/keydeck/ui/keys/KeysView.fxml"),
    USAGE("/io/keydeck/ui/usage/UsageView.fxml"),
    AUTH_LOG("/io/keydeck/ui/authlog/AuthLogView.fxml"),
    REVIEW("/io/keydeck/ui/review/ReviewView.fxml"),
    JOURNAL("/io/keydeck/ui/journal/JournalView.fxml");

    private final String resource;

    FxmlView(String resource) {
        this.resource = resource;
    }

    public String resource() {
        return resource;
    }
}
