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
}
