package io.keydeck.ui;

import io.keydeck.session.ConnectionSession;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import io.keydeck.gateway.GatewayClient;
import io.keydeck.model.IssuedSecret;
import io.keydeck.model.KeyEnvironment;
import io.keydeck.model.NewKeyRequest;
import io.keydeck.sandbox.SandboxGateway;
import io.keydeck.sandbox.SandboxOptions;
import io.keydeck.settings.SettingsStore;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.Theme;
import io.keydeck.vault.VaultSelection;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole session — add a connection with a JWT admin token, test it, load its keys, create a key,
 * quit — and then every file KeyDeck could have written (config, data and log folders, and anything
 * changed in the temp folder meanwhile) is searched for the admin token and the new key's secret, as
 * UTF-8 and UTF-16. Neither may be found.
 */
class SecretHygieneTest {
    private static final List<String> PROPERTIES = List.of("keydeck.configDir", "keydeck.dataDir", "keydeck.logDir",
            "keydeck.vault");
    private static final long MAX_SCANNED_FILE = 64L * 1024 * 1024;

    @TempDir Path root;
    private final FxRobot robot = new FxRobot();
    private final Map<String, String> previous = new java.util.HashMap<>();
    private Path configDir;
    private Path dataDir;
    private Path logDir;
    private SandboxGateway gateway;

    @BeforeEach
    void pointKeyDeckAtTempFolders() throws Exception {
        configDir = Files.createDirectories(root.resolve("config"));
        dataDir = Files.createDirectories(root.resolve("data"));
        logDir = Files.createDirectories(root.resolve("logs"));
        PROPERTIES.forEach(p -> previous.put(p, System.getProperty(p)));
        System.setProperty("keydeck.configDir", configDir.toString());
        System.setProperty("keydeck.dataDir", dataDir.toString());
        System.setProperty("keydeck.logDir", logDir.toString());
        System.setProperty("keydeck.vault", "session");
        // the app's own logging (io.keydeck.logging.LogSetup), writing to the log dir this test scans
        io.keydeck.logging.LogSetup.apply((LoggerContext) LoggerFactory.getILoggerFactory(),
                logDir);
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.keydeck")).setLevel(Level.DEBUG);
        FxToolkit.registerPrimaryStage();
        gateway = SandboxGateway.start(SandboxOptions.defaults().withTraffic(false).withKeys(8).withSeed(5));
    }

    @AfterEach
    void restore() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        previous.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
        configureLogging("/logback-test.xml");
        FxToolkit.cleanupStages();
    }

    @Test
    void neitherTheAdminTokenNorANewSecretIsWrittenAnywhere() throws Exception {
        Instant started = Instant.now().minusSeconds(2);
        String adminToken = gateway.mintAdminJwt("hygiene-bot", List.of("keys:read", "keys:manage", "usage:read",
                "audit:read"), Duration.ofDays(30));
        String secret;

        BackgroundTasks tasks = BackgroundTasks.pool(3);
        AppServices services = AppServices.start(tasks, SettingsStore.inConfigDir(),
                CompletableFuture.supplyAsync(VaultSelection::choose, tasks.executor()),
                SandboxOptions.defaults().withTraffic(false).withKeys(5), Clock.systemUTC());
        try {
            FxToolkit.setupStage(stage -> {
                Theme.LIGHT.apply();
                stage.setScene(AppWindow.scene(services));
                stage.setWidth(1200);
                stage.setHeight(760);
                stage.show();
            });
            robot.clickOn("#addButton");
            robot.clickOn("#connectionName").write("Hygiene gateway");
            robot.clickOn("#connectionUrl").write(gateway.baseUrl().toString());
            robot.clickOn("#connectionToken");
            onFx(() -> robot.lookup("#connectionToken").queryAs(javafx.scene.control.PasswordField.class)
                    .setText(adminToken)); // typing 300 characters one by one only makes the test slow
            robot.clickOn("#testConnection");
            waitUntil(15, () -> robot.lookup("#testResult").queryLabeled().getText().contains("hygiene-bot"));
            robot.clickOn("#saveConnection");
            waitUntil(10, () -> robot.lookup(".connection-sidebar .sidebar-entry").queryAllAs(Labeled.class).stream()
                    .anyMatch(label -> "Hygiene gateway".equals(label.getText())));

            ConnectionSession session = onFx(() -> services.active().session());
            assertThat(session.displayName()).isEqualTo("Hygiene gateway");
            GatewayClient client = session.awaitClient();
            assertThat(client.tokenInfo().subject()).isEqualTo("hygiene-bot");
            try (IssuedSecret issued = client.createKey(new NewKeyRequest("hygiene-key", List.of("chat:write"),
                    KeyEnvironment.LIVE, null), UUID.randomUUID().toString())) {
                secret = new String(issued.secret());
            }
            assertThat(secret).startsWith("mrk_live_");
            assertThat(client.listAllKeys(true, n -> { })).anyMatch(k -> k.name().equals("hygiene-key"));
        } finally {
            onFx(() -> services.savedConnections().awaitSaved());
            onFx(() -> services.savedConnections().close());
            tasks.close();
            FxToolkit.cleanupStages();
            gateway.close();
            gateway = null;
        }

        Path settings = configDir.resolve("settings.json");
        assertThat(settings).exists();
        assertThat(Files.readString(settings)).contains("Hygiene gateway");
        Path log = logDir.resolve("keydeck.log");
        assertThat(log).exists();
        assertThat(Files.readString(log)).as("the log was written during the session")
                .contains("Sandbox gateway listening");

        java.util.Set<Path> scanned = new java.util.LinkedHashSet<>();
        List<String> found = new ArrayList<>();
        for (Path dir : List.of(configDir, dataDir, logDir, Path.of(System.getProperty("java.io.tmpdir")))) {
            scan(dir, started, Map.of("admin token", adminToken, "new key secret", secret), scanned, found);
        }
        assertThat(scanned).contains(settings, log);
        assertThat(found).isEmpty();
    }

    private static void scan(Path dir, Instant since, Map<String, String> secrets, java.util.Set<Path> scanned,
                             List<String> found) throws IOException {
        FileTime after = FileTime.from(since);
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (!attrs.isRegularFile() || attrs.size() > MAX_SCANNED_FILE
                        || attrs.lastModifiedTime().compareTo(after) < 0 || scanned.contains(file)) {
                    return FileVisitResult.CONTINUE;
                }
                byte[] bytes;
                try {
                    bytes = Files.readAllBytes(file);
                } catch (IOException e) {
                    return FileVisitResult.CONTINUE; // vanished or not ours to read
                }
                scanned.add(file);
                secrets.forEach((what, value) -> {
                    for (var charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
                        if (indexOf(bytes, value.getBytes(charset)) >= 0) {
                            found.add(what + " in " + file + " (" + charset + ")");
                        }
                    }
                });
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Logback reads {@code keydeck.logDir} when configured, so it is configured again after setting it. */
    private static void configureLogging(String resource) throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        URL config = SecretHygieneTest.class.getResource(resource);
        assertThat(config).as(resource).isNotNull();
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(config);
    }
}
