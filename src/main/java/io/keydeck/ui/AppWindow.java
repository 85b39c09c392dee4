package io.keydeck.ui;

import io.keydeck.gateway.GatewayDriver;
import io.keydeck.ui.common.ControllerFactory;
import io.keydeck.ui.common.FxmlView;
import io.keydeck.ui.common.RelativeTime;
import io.keydeck.ui.common.ViewLoader;
import io.keydeck.ui.connections.ConnectionSidebarController;
import io.keydeck.ui.connections.ConnectionSidebarViewModel;
import io.keydeck.ui.connections.NoticeBarController;
import io.keydeck.ui.keys.KeysController;
import io.keydeck.ui.keys.KeysViewModel;
import io.keydeck.ui.main.MainWindowController;
import io.keydeck.ui.main.MainWindowViewModel;
import javafx.scene.Scene;

import java.util.Objects;

/**
 * Builds the main window's scene from the app's services: the controller registry lives here, so
 * the running app and the UI tests assemble exactly the same window.
 */
public final class AppWindow {
    private AppWindow() {
    }

    public static Scene scene(AppServices services) {
        ControllerFactory controllers = new ControllerFactory();
        ViewLoader views = new ViewLoader(controllers, services.messages());
        RelativeTime time = new RelativeTime(services.clock(), services.messages());

        controllers.register(MainWindowController.class, () -> new MainWindowController(
                new MainWindowViewModel(services.connections(), services.active(), services.status(),
                        services.messages(), services.navigation()),
                views));
        controllers.register(ConnectionSidebarController.class, () -> new ConnectionSidebarController(
                new ConnectionSidebarViewModel(services.savedConnections(), services.tasks(), services.messages(),
                        time, GatewayDriver::installed),
                services.messages()));
        controllers.register(NoticeBarController.class, () -> new NoticeBarController(services.notices()));
        controllers.register(KeysController.class, () -> new KeysController(
                new KeysViewModel(services.active(), services.tasks(), services.messages(), time,
                        services.status(), services.navigation())));

        Scene scene = new Scene(views.load(FxmlView.MAIN_WINDOW));
        scene.getStylesheets().add(Objects.requireNonNull(
                AppWindow.class.getResource("/io/keydeck/ui/app.css"), "app.css").toExternalForm());
        return scene;
    }
}
