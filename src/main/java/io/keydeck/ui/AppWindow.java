package io.keydeck.ui;

import io.keydeck.ui.authlog.AuthLogController;
import io.keydeck.ui.authlog.AuthLogViewModel;
import io.keydeck.gateway.GatewayDriver;
import io.keydeck.ui.common.ControllerFactory;
import io.keydeck.ui.common.FxmlView;
import io.keydeck.ui.common.RelativeTime;
import io.keydeck.ui.common.ViewLoader;
import io.keydeck.ui.dialogs.SecretSettings;
import io.keydeck.ui.journal.ForwardingFormController;
import io.keydeck.ui.journal.ForwardingFormViewModel;
import io.keydeck.ui.journal.JournalController;
import io.keydeck.ui.journal.JournalViewModel;
import io.keydeck.ui.journal.WindowJournal;
import io.keydeck.ui.keys.KeyActions;
import io.keydeck.ui.connections.ConnectionSidebarController;
import io.keydeck.ui.connections.ConnectionSidebarViewModel;
import io.keydeck.ui.connections.NoticeBarController;
import io.keydeck.ui.keys.KeysController;
import io.keydeck.ui.keys.KeysViewModel;
import io.keydeck.ui.main.MainWindowController;
import io.keydeck.ui.common.FirstFrame;
import io.keydeck.ui.main.MainWindowViewModel;
import io.keydeck.ui.main.OpeningLayout;
import io.keydeck.ui.main.StatusBarViewModel;
import io.keydeck.ui.main.ThemeChoiceViewModel;
import io.keydeck.ui.common.SystemColorScheme;
import io.keydeck.ui.common.LayoutMemory;
import io.keydeck.ui.usage.UsageController;
import io.keydeck.ui.usage.UsageViewModel;
import io.keydeck.ui.review.ReviewController;
import io.keydeck.ui.review.ReviewViewModel;
import io.keydeck.settings.EnvironmentTag;
import javafx.scene.Parent;
import javafx.scene.Scene;

import java.text.MessageFormat;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * Builds the main window's scene from the app's services: the controller registry lives here, so
 * the running app and the UI tests assemble exactly the same window.
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
        RelativeTime time = new RelativeTime(services.clock(), services.messages());
        WindowJournal journal = new WindowJournal(services.journal(), services.tasks(), services.status(),
                services.messages(), services.clock());
        LayoutMemory layouts = new LayoutMemory(services.savedConnections().preferences());

        controllers.register(MainWindowController.class, () -> new MainWindowController(
                new MainWindowViewModel(services.connections(), services.active(), services.status(),
                        services.messages(), services.navigation()),
                new StatusBarViewModel(services.active(), services.status(), services.clock(), services.messages()),
                new ThemeChoiceViewModel(services.savedConnections().preferences().theme(),
                        theme -> services.savedConnections().updatePreferences(p -> p.withTheme(theme)),
                        services.tasks().executor(), SystemColorScheme::detect),
                layouts, views));
        controllers.register(ConnectionSidebarController.class, () -> new ConnectionSidebarController(
                new ConnectionSidebarViewModel(services.savedConnections(), services.tasks(), services.messages(),
                        time, GatewayDriver::installed),
                services.messages()));
        controllers.register(NoticeBarController.class, () -> new NoticeBarController(services.notices()));
        KeysViewModel keys = new KeysViewModel(services.active(), services.tasks(), services.messages(), time,
                services.status(), services.navigation())
                .reportAuthFailuresTo(services.consoleAuthFailures());
        if (services.navigation().viewProperty().get() == FxmlView.KEYS) {
            keys.loadUnlessStarted(); // a large account's keys arrive while the window is still being built
        }
        controllers.register(KeysController.class, () -> new KeysController(keys, new KeyActions(keys,
                services.tasks(), services.messages(), services.status(), secretSettings, services.clock())
                .journalTo(journal, services.active()),
                new io.keydeck.ui.keys.UsageSparklineColumn(services.active(), services.tasks(), services.clock(),
                        services.messages())));
        controllers.register(UsageController.class, () -> new UsageController(
                new UsageViewModel(services.active(), services.tasks(), services.messages(), services.clock(),
                        services.status(), services.navigation())));
        controllers.register(AuthLogController.class, () -> new AuthLogController(
                new AuthLogViewModel(services.active(), services.tasks(), services.messages(), time,
                        services.status(), services.navigation(), services.consoleAuthFailures()),
                services.messages(), services.clock().getZone()));

        controllers.register(ReviewController.class, () -> new ReviewController(new ReviewViewModel(
                services.connections(), services.active(), services.tasks(), services.messages(), services.clock(),
                services.status(), services.navigation(),
                session -> session.environmentTag()
                        .orElse(session.isDemo() ? EnvironmentTag.DEVELOPMENT : EnvironmentTag.PRODUCTION),
                () -> services.savedConnections().preferences().reviewThresholds()).journalTo(journal)));
        controllers.register(ForwardingFormController.class, () -> new ForwardingFormController(
                new ForwardingFormViewModel(services.journal(), services.savedConnections()::journalForwarding,
                        services.savedConnections()::updateJournalForwarding, services.tasks(), services.messages()),
                services.messages()));
        controllers.register(JournalController.class, () -> new JournalController(new JournalViewModel(journal,
                services.active(), services.tasks(), services.messages(), services.status(), services.navigation(),
                services.clock().getZone()), services.messages()));

        Scene scene;
        if (outlineFirst) {
            ResourceBundle messages = services.messages();
            Parent outline = OpeningLayout.create(messages.getString("app.title"),
                    MessageFormat.format(messages.getString("window.opening"),
                            MainWindowViewModel.viewTitle(messages, services.navigation().viewProperty().get())));
            scene = new Scene(outline);
            FirstFrame.then(outline, () -> scene.setRoot(views.load(FxmlView.MAIN_WINDOW)));
        } else {
            scene = new Scene(views.load(FxmlView.MAIN_WINDOW));
        }
        scene.getProperties().put(LayoutMemory.class, layouts);
        scene.getStylesheets().add(Objects.requireNonNull(
                AppWindow.class.getResource("/io/keydeck/ui/app.css"), "app.css").toExternalForm());
        return scene;
    }
}
