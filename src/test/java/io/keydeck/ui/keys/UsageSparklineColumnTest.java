package io.keydeck.ui.keys;

import io.keydeck.model.ApiKey;
import io.keydeck.model.Capability;
import io.keydeck.model.UsageBucket;
import io.keydeck.model.UsagePoint;
import io.keydeck.ui.shell.ActiveConnection;
import io.keydeck.ui.AppServices;
import io.keydeck.session.ConnectionSession;
import io.keydeck.ui.FakeGatewayClient;
import io.keydeck.ui.FxTestSupport;
import io.keydeck.ui.TestKeys;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.usage.UsageRange;
import io.keydeck.ui.common.ControllerFactory;
import io.keydeck.ui.common.FxmlView;
import io.keydeck.ui.common.ViewLoader;
import io.keydeck.ui.shell.WindowContext;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

class UsageSparklineColumnTest {
    private static final ResourceBundle MESSAGES = ResourceBundle.getBundle(AppServices.MESSAGES, Locale.ENGLISH);
    private static final Clock CLOCK = Clock.fixed(TestKeys.NOW, ZoneOffset.UTC);
    private final BackgroundTasks tasks = BackgroundTasks.pool(2);

    @BeforeAll
    static void toolkit() throws Exception {
        FxTestSupport.startToolkit();
    }

    @AfterEach
    void closeTasks() {
        tasks.close();
    }

    @Test
    void eachKeyGetsItsRequestsPerDayOfTheLastWeekAndOlderPointsAreLeftOut() throws Exception {
        UsageRange week = UsageRange.last(Duration.ofDays(7), TestKeys.NOW, UsageBucket.DAY);
        FakeGatewayClient client = new FakeGatewayClient(List.of(TestKeys.active("key_0001", "Checkout"),
                TestKeys.active("key_0002", "Billing")))
                .withCapabilities(Capability.LIST_KEYS, Capability.USAGE)
                .withUsage(List.of(
                        new UsagePoint("key_0001", week.bucketStart(0), 5, 0, 0, 0),
                        new UsagePoint("key_0001", week.bucketStart(0).plusSeconds(3600), 2, 0, 0, 0),
                        new UsagePoint("key_0001", week.bucketStart(6), 3, 0, 0, 1),
                        new UsagePoint("key_0002", week.bucketStart(2), 9, 0, 0, 0),
                        new UsagePoint("key_0002", week.start().minus(Duration.ofDays(1)), 100, 0, 0, 0)));
        UsageSparklineColumn column = new UsageSparklineColumn(
                new ActiveConnection(ConnectionSession.of("Fake", false, client)), tasks, CLOCK, MESSAGES);
        SimpleBooleanProperty loading = new SimpleBooleanProperty(true);
        onFx(() -> {
            column.install(new TableView<ApiKey>(), loading);
            loading.set(false);
        });

        waitUntil(10, () -> onFx(() -> column.dailyRequests().size() == 2));

        assertThat(onFx(() -> column.dailyRequests().get("key_0001"))).containsExactly(7, 0, 0, 0, 0, 0, 3);
        assertThat(onFx(() -> column.dailyRequests().get("key_0002"))).containsExactly(0, 0, 9, 0, 0, 0, 0);
    }

    /**
     * The window starts loading the keys before the Keys view exists (KeysModule); when that load has
     * ended by the time the view is built, the lines must still come (issue 19 item 3: empty until Refresh).
     */
    @Test
    void theLinesComeWhenTheKeysLoadedBeforeTheViewWasBuilt() throws Exception {
        UsageRange week = UsageRange.last(Duration.ofDays(7), TestKeys.NOW, UsageBucket.DAY);
        FakeGatewayClient client = new FakeGatewayClient(List.of(TestKeys.active("key_0001", "Checkout")))
                .withCapabilities(Capability.LIST_KEYS, Capability.USAGE)
                .withUsage(List.of(new UsagePoint("key_0001", week.bucketStart(3), 4, 0, 0, 0)));
        AppServices services = AppServices.of(tasks, List.of(ConnectionSession.of("Fake", false, client)), CLOCK);
        ControllerFactory controllers = new ControllerFactory();
        WindowContext window = new WindowContext(controllers, tasks, services.active(), services.messages(),
                services.clock(), services.status(), services.navigation());
        onFx(() -> KeysModule.register(window, services.connections(), null, KeysWindow.ONE_SECOND_CLIPBOARD,
                services.consoleAuthFailures()));
        waitUntil(10, () -> onFx(() -> services.status().textProperty().get().startsWith("Loaded 1 ")));

        TableView<?> table = onFx(() -> (TableView<?>) new ViewLoader(controllers, services.messages())
                .load(FxmlView.KEYS).lookup(".keys-table"));

        waitUntil(10, () -> onFx(() -> table.getColumns().stream().filter(c -> "usageColumn".equals(c.getId()))
                .findFirst().orElseThrow().getCellData(0) != null));
        assertThat(onFx(() -> (double[]) table.getColumns().stream().filter(c -> "usageColumn".equals(c.getId()))
                .findFirst().orElseThrow().getCellData(0))).containsExactly(0, 0, 0, 4, 0, 0, 0);
    }
}
