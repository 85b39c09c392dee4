package io.keydeck.ui;

import io.keydeck.sandbox.SandboxOptions;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.Theme;
import javafx.application.Application;
import javafx.stage.Stage;

import java.time.Clock;
import java.util.List;
import java.util.ResourceBundle;

/**
 * The desktop app: builds the app's objects once (one background pool, the connections, the
 * controller registry), shows the main window at once, and releases everything on exit.
 */
public class KeyDeckApp extends Application {
    private static final int BACKGROUND_THREADS = 4;

    private BackgroundTasks tasks;
    private AppServices services;

    public static void launchApp(String[] args) {
        Application.launch(KeyDeckApp.class, args);
    }

    @Override
    public void init() {
        tasks = new BackgroundTasks(BACKGROUND_THREADS);
        ResourceBundle messages = ResourceBundle.getBundle(AppServices.MESSAGES);
        ConnectionSession sandbox = EmbeddedSandbox.open(SandboxOptions.defaults(), tasks.executor(), messages);
        services = AppServices.of(tasks, List.of(sandbox), Clock.systemDefaultZone());
    }

    @Override
    public void start(Stage stage) {
        Theme.fromArguments(getParameters().getRaw()).apply();
        stage.setTitle(services.messages().getString("app.title"));
        stage.setScene(AppWindow.scene(services));
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        if (SmokeTest.requested(getParameters().getRaw())) {
            SmokeTest.watch(stage);
        }
        stage.show();
    }

    @Override
    public void stop() {
        tasks.cancelAll();
        services.connections().forEach(ConnectionSession::close);
        tasks.close();
    }
}
