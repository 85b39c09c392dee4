package io.keydeck.ui;

import io.keydeck.instance.InstanceChannel;
import io.keydeck.instance.WindowRequest;
import io.keydeck.sandbox.SandboxOptions;
import io.keydeck.settings.SettingsStore;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.FirstFrame;
import io.keydeck.ui.common.SystemColorScheme;
import io.keydeck.ui.common.Theme;
import io.keydeck.ui.common.WaitingForFirstFrame;
import io.keydeck.ui.main.WindowPlacement;
import io.keydeck.vault.VaultSelection;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * The desktop app: builds the app's objects once (one background pool, the saved connections, the
 * controller registry), shows the main window at once, and releases everything on exit. The OS
 * keychain is asked, and the connections are opened, in the background once the first frame is drawn.
 */
public class KeyDeckApp extends Application {
    private static final int BACKGROUND_THREADS = 4;

    private BackgroundTasks tasks;
    private WaitingForFirstFrame opening;
    private AppServices services;
    private Theme look;
    private Stage window;
    /** Set before Application.launch builds this class by reflection; null when single-window is off (smoke test). */
    private static volatile InstanceChannel launchedWith;
    private final InstanceChannel channel;
    // kept, as java.util.logging holds loggers weakly and would forget the filter
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    public KeyDeckApp() {
        this(launchedWith);
    }

    /** The app answering later starts on {@code channel} (null: it does not). */
    public KeyDeckApp(InstanceChannel channel) {
        this.channel = channel;
    }

    /** Starts the window owning {@code channel}: later starts hand their requests to it. */
    public static void launchApp(String[] args, InstanceChannel channel) {
        launchedWith = channel;
        launchApp(args);
    }

    /**
     * JavaFX warns on every start from a class path ("Unsupported JavaFX configuration: classes were
     * loaded from 'unnamed module'"): the shaded jar and jpackage image start that way on purpose (see
     * Launcher), so that one line is kept off the user's terminal; every other JavaFX message still shows.
     */
    static void quietClassPathWarning() {
        JAVAFX_LOG.setFilter(entry -> entry.getMessage() == null
                || !entry.getMessage().startsWith("Unsupported JavaFX configuration"));
    }

    public static void launchApp(String[] args) {
        quietClassPathWarning();
        // While the toolkit starts (a quarter of a second on the FX thread), another core does what init()
        // and the first FXML would otherwise do first: read the texts, learn the settings format, set up
        // the FXML reader on panes. No controls here: one made before the toolkit runs breaks its class.
        Thread early = new Thread(() -> {
            java.util.ResourceBundle.getBundle(AppServices.MESSAGES);
            SettingsStore.learnTheFormat();
            io.keydeck.ui.common.ViewLoader.prepare();
        }, "keydeck-early-reads");
        early.setDaemon(true);
        early.start();
        Application.launch(KeyDeckApp.class, args);
    }

    @Override
    public void init() {
        // Loading the look's stylesheet is a good part of the first frame: the idle FX thread loads the
        // likely one (light, unless --dark) while this thread reads the settings and opens connections.
        Platform.runLater(() -> Theme.fromArguments(getParameters().getRaw()).orElse(Theme.LIGHT).preload());
        tasks = BackgroundTasks.pool(BACKGROUND_THREADS);
        // the keychain, the sandbox and the gateways' HTTP clients (TLS) wait for the first frame
        opening = new WaitingForFirstFrame(tasks.executor());
        CompletableFuture<VaultSelection> vault = CompletableFuture.supplyAsync(VaultSelection::choose, opening);
        // Asked off the FX thread, while the settings load, because the OS answer comes from a command.
        CompletableFuture<Theme> system = CompletableFuture.supplyAsync(SystemColorScheme::detect, tasks.executor());
        services = AppServices.start(tasks, SettingsStore.inConfigDir(), vault, SandboxOptions.defaults(),
                Clock.systemDefaultZone(), opening);
        look = Theme.fromArguments(getParameters().getRaw()).orElseGet(() ->
                Theme.of(services.savedConnections().preferences().theme(), system::join));
    }

    @Override
    public void start(Stage stage) {
        io.keydeck.ui.shell.UncaughtErrors.install(services.messages());
        look.apply();
        io.keydeck.ui.common.ShownWindowSize.keepForEveryWindow();
        boolean smokeTest = SmokeTest.requested(getParameters().getRaw());
        if (!smokeTest) { // the smoke test watches the Keys view
            WindowPlacement.lastView(services.savedConnections().preferences())
                    .ifPresent(services.navigation().viewProperty()::set);
        }
        stage.setTitle(services.messages().getString("app.title"));
        stage.setScene(AppWindow.windowScene(services));
        FirstFrame.laidOut(stage.getScene(), opening::release);
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        WindowPlacement.restore(stage, services.savedConnections().preferences());
        window = stage;
        if (smokeTest) {
            SmokeTest.watch(stage);
        }
        WindowRequests requests = new WindowRequests(services, stage);
        WindowRequest.parse(getParameters().getRaw().toArray(String[]::new)).ifPresent(requests::apply);
        stage.show();
        if (channel != null) {
            channel.serve(request -> {
                try {
                    return requests.handOver(request);
                } catch (Exception e) {
                    return "KeyDeck is already open, but its window did not answer in time; look for it on your desktop.";
                }
            });
        }
    }

    @Override
    public void stop() {
        if (channel != null) {
            channel.close(); // a start from now on opens a window of its own; settings writes take turns
        }
        tasks.cancelAll();
        if (window != null) {
            services.savedConnections().updatePreferences(
                    WindowPlacement.capture(window, services.navigation().viewProperty().get()));
        }
        services.savedConnections().close();
        tasks.close();
    }
}
