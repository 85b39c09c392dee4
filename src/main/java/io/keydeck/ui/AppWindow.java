package io.keydeck.ui;

import io.keydeck.ui.authlog.AuthLogModule;
import io.keydeck.ui.common.ControllerFactory;
import io.keydeck.ui.common.LayoutMemory;
import io.keydeck.ui.common.ViewLoader;
import io.keydeck.ui.connections.ConnectionsModule;
import io.keydeck.ui.journal.JournalModule;
import io.keydeck.ui.journal.WindowJournal;
import io.keydeck.ui.keys.KeysModule;
import io.keydeck.ui.keys.SecretSettings;
import io.keydeck.ui.main.MainWindowModule;
import io.keydeck.ui.main.OpeningLayout;
import io.keydeck.ui.review.ReviewModule;
import io.keydeck.ui.shell.WindowContext;
import io.keydeck.ui.usage.UsageModule;
import io.keydeck.ui.common.FxmlView;
import javafx.scene.Scene;

import java.util.Objects;

/**
 * Builds the main window's scene from the app's services by assembling the features, each of which
 * registers its own controllers; the running app and the UI tests assemble exactly the same window.
 */
public final class AppWindow {
    private AppWindow() {
    }

    public static Scene scene(AppServices services) {
        return scene(services, secretSettings(services), false);
    }

    /**
     * The app's own window: as {@link #scene(AppServices)}, but its first frame shows the window's
     * outline ({@link OpeningLayout}) and the main window, with its first view, replaces it right
     * after that frame, so the window appears about as soon as a bare JavaFX window would.
     */
    public static Scene windowScene(AppServices services) {
        return scene(services, secretSettings(services), true);
    }

    /** As {@link #scene(AppServices)}, with how long a copied secret may stay on the clipboard. */
    public static Scene scene(AppServices services, SecretSettings secretSettings) {
        return scene(services, secretSettings, false);
    }

    // the clipboard delay is a preference (settings.json "clipboardClearSeconds", default 30)
    private static SecretSettings secretSettings(AppServices services) {
        return new SecretSettings(java.time.Duration.ofSeconds(
                services.savedConnections().preferences().clipboardClearSeconds()));
    }

    private static Scene scene(AppServices services, SecretSettings secretSettings, boolean outlineFirst) {
        ControllerFactory controllers = new ControllerFactory();
        ViewLoader views = new ViewLoader(controllers, services.messages());
        LayoutMemory layouts = new LayoutMemory(services.savedConnections().preferences());
        WindowContext window = new WindowContext(controllers, services.tasks(), services.active(),
                services.messages(), services.clock(), services.status(), services.navigation());
        WindowJournal journal = JournalModule.register(window, services.journal(),
                services.savedConnections()::journalForwarding, services.savedConnections()::updateJournalForwarding);
        MainWindowModule.register(window, services.connections(), services.savedConnections().preferences().theme(),
                theme -> services.savedConnections().updatePreferences(p -> p.withTheme(theme)), layouts, views,
                new io.keydeck.ui.preferences.SavedPreferences(services.savedConnections()::preferences,
                        services.savedConnections()::updatePreferences));
        ConnectionsModule.register(window, services.savedConnections());
        var keysView = KeysModule.register(window, services.connections(), journal, secretSettings, services.consoleAuthFailures());
        UsageModule.register(window);
        AuthLogModule.register(window, services.consoleAuthFailures(), journal, keysView);
        ReviewModule.register(window, services.connections(),
                () -> services.savedConnections().preferences().reviewThresholds(), journal);

        Scene scene = outlineFirst ? OpeningLayout.thenMain(services.messages(),
                services.navigation().viewProperty().get(), () -> views.load(FxmlView.MAIN_WINDOW))
                : new Scene(views.load(FxmlView.MAIN_WINDOW));
        scene.getProperties().put(LayoutMemory.class, layouts);
        scene.getStylesheets().add(Objects.requireNonNull(
                AppWindow.class.getResource("/io/keydeck/ui/app.css"), "app.css").toExternalForm());
        return scene;
    }
}
