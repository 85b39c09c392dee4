package io.keydeck.ui.journal;

import com.sun.net.httpserver.HttpServer;
import io.keydeck.journal.ActionJournal;
import io.keydeck.journal.ForwardingTarget;
import io.keydeck.journal.JournalAction;
import io.keydeck.journal.JournalEntry;
import io.keydeck.journal.JournalKeyring;
import io.keydeck.sandbox.SandboxOptions;
import io.keydeck.settings.JournalForwarding;
import io.keydeck.settings.SettingsStore;
import io.keydeck.ui.AppServices;
import io.keydeck.ui.AppWindow;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.FxmlView;
import io.keydeck.ui.common.Theme;
import io.keydeck.vault.SessionVault;
import io.keydeck.vault.VaultSelection;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user points the journal at a Splunk HEC collector in the Journal view's forwarding form: wrong input is
 * named field by field and nothing is saved; a right form is applied and saved while the window stays
 * responsive, the token lands in the keychain only, and the forwarding line shows entries sent, then queued
 * with the last error once the collector is gone.
 */
class ChangeJournalForwardingInTheWindowTest {
    private static final String TOKEN = "hec-window-5b1e9c04-2f7a-4d3b-8e6f-91a0c7d2e3f4";

    private final FxRobot robot = new FxRobot();
    private final SessionVault vault = new SessionVault();
    private final CountDownLatch keychainAnswers = new CountDownLatch(1);
    private final List<Map<String, List<String>>> received = new CopyOnWriteArrayList<>();
    @TempDir Path configDir;
    @TempDir Path dataDir;
    private BackgroundTasks tasks;
    private AppServices services;
    private ActionJournal journal;
    private HttpServer collector;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void stages() throws Exception {
        FxToolkit.cleanupStages();
    }

    @AfterEach
    void closeApp() throws Exception {
        keychainAnswers.countDown();
        if (collector != null) {
            collector.stop(0);
        }
        if (services != null) {
            onFx(() -> services.savedConnections().awaitSaved());
            onFx(() -> services.savedConnections().close());
            tasks.close();
        }
    }

    @Test
    void formCheckedFieldByFieldThenSavedOffTheFxThreadAndTheLineShowsSentQueuedAndLastError() throws Exception {
        startCollector();
        openJournalView();
        waitUntil(10, () -> text("#forwardingStatus").startsWith("Forwarding: off"));
        robot.clickOn(".journal-forwarding .titled-pane > .title");

        robot.clickOn("#forwardKind").clickOn("An HTTPS log collector (JSON)");
        robot.clickOn("#collectorUrl").write("http://collector.example/v1/logs");
        robot.clickOn("#saveForwarding");
        waitUntil(10, () -> text("#formProblem").contains("must start with https:// (plain http only to this computer)"));

        robot.clickOn("#forwardKind").clickOn("A syslog server (RFC 5424 over TCP)");
        robot.clickOn("#syslogHost").write("logs.example.com");
        replace("#syslogPort", "65x");
        robot.clickOn("#saveForwarding");
        waitUntil(10, () -> text("#formProblem").equals("The syslog port must be a number from 1 to 65535, was \u201c65x\u201d."));
        replace("#syslogPort", "70000");
        robot.clickOn("#saveForwarding");
        waitUntil(10, () -> text("#formProblem").contains("between 1 and 65535, was 70000"));
        assertThat(savedForwarding().enabled()).as("nothing saved while the form is wrong").isFalse();

        robot.clickOn("#forwardKind").clickOn("An HTTPS log collector (JSON)");
        replace("#collectorUrl", "http://127.0.0.1:" + collector.getAddress().getPort() + "/services/collector/event");
        robot.clickOn("#collectorFormat").clickOn("Splunk HTTP Event Collector");
        robot.clickOn("#collectorToken").write(TOKEN);
        robot.clickOn("#saveForwarding");

        // the keychain has not answered yet: the window still responds, and says it is saving
        waitUntil(10, () -> robot.lookup("#saveForwarding").query().isDisabled());
        assertThat(text("#formResult")).isEmpty();
        assertThat(text("#formProblem")).isEmpty();
        keychainAnswers.countDown();
        waitUntil(15, () -> text("#formResult").equals("Saved: entries now go to splunk hec collector at 127.0.0.1."));
        assertThat(text("#collectorToken")).as("the typed token is not kept in the form").isEmpty();
        waitUntil(10, () -> text("#tokenKept").startsWith("A collector token is kept in the"));
        assertThat(vault.read(ForwardingTarget.TOKEN_ACCOUNT).map(String::new)).hasValue(TOKEN);
        onFx(() -> services.savedConnections().awaitSaved());
        assertThat(savedForwarding().format()).isEqualTo("splunk-hec");

        journal.append(entry(1));
        waitUntil(20, () -> text("#forwardingStatus")
                .equals("Forwarding to splunk hec collector at 127.0.0.1: 1 sent, 0 queued"));
        assertThat(received).singleElement().satisfies(h -> assertThat(h.get("Authorization"))
                .containsExactly("Splunk " + TOKEN));

        collector.stop(0);
        collector = null;
        journal.append(entry(2));
        waitUntil(30, () -> text("#forwardingStatus").startsWith(
                "Forwarding to splunk hec collector at 127.0.0.1: 1 sent, 1 queued; last error: "));
        assertThat(robot.lookup("#forwardingStatus").query().getStyleClass()).contains("danger");
        assertNoFileHolds(TOKEN, configDir, dataDir);
    }

    private void startCollector() throws IOException {
        collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.add(Map.copyOf(exchange.getRequestHeaders()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
    }

    private void openJournalView() throws Exception {
        tasks = BackgroundTasks.pool(3);
        SettingsStore store = new SettingsStore(configDir);
        // the keychain behind the journal's key and the collector token answers stores only when the test says
        JournalKeyring keyring = JournalKeyring.of((name, value) -> {
            if (name.equals(ForwardingTarget.TOKEN_ACCOUNT)) {
                await(keychainAnswers);
            }
            vault.store(name, value);
        }, vault::read, vault::delete, true, "test keychain");
        journal = ActionJournal.open(dataDir.resolve(ActionJournal.FILE_NAME), keyring)
                .withChangeableForwarding(JournalForwarding.OFF);
        services = AppServices.start(tasks, store,
                CompletableFuture.completedFuture(new VaultSelection(vault, Optional.empty())),
                SandboxOptions.defaults().withTraffic(false).withKeys(3), Clock.systemUTC()).withJournal(journal);
        FxToolkit.setupStage(stage -> {
            Theme.LIGHT.apply();
            services.navigation().show(FxmlView.JOURNAL);
            stage.setScene(AppWindow.scene(services));
            stage.setWidth(1200);
            stage.setHeight(760);
            stage.show();
        });
    }

    private JournalForwarding savedForwarding() {
        return new SettingsStore(configDir).load().settings().journalForwarding();
    }

    private String text(String query) throws Exception {
        return onFx(() -> {
            Object node = robot.lookup(query).query();
            return node instanceof TextInputControl input ? input.getText() : ((Labeled) node).getText();
        });
    }

    private void replace(String query, String text) throws Exception {
        onFx(() -> robot.lookup(query).queryAs(TextInputControl.class).clear());
        robot.clickOn(query).write(text);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the keychain answer");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static JournalEntry entry(int i) {
        return new JournalEntry(Instant.now(), "alice", "Prod", JournalAction.REVOKE, "key_" + i, "ci key " + i,
                "mrk_live_…000" + i, JournalEntry.OK, "req_" + i);
    }

    private static void assertNoFileHolds(String secret, Path... roots) throws IOException {
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString())
                            .doesNotContain(secret);
                }
            }
        }
    }
}
