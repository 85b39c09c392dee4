package io.keydeck.ui.usage;

import io.keydeck.ui.AppServices;
import io.keydeck.session.ConnectionSession;
import io.keydeck.ui.FakeGatewayClient;
import io.keydeck.ui.FxTestSupport;
import io.keydeck.ui.TestKeys;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.FxmlView;
import io.keydeck.usage.ChartSeries;
import io.keydeck.usage.UsageMetric;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

class UsageViewModelTest {
    private final BackgroundTasks tasks = BackgroundTasks.pool(2);
    private SandboxUsage sandbox;

    @BeforeAll
    static void toolkit() throws Exception {
        FxTestSupport.startToolkit();
    }

    @AfterEach
    void close() {
        tasks.close();
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void aGatewayWithoutUsageSaysSoInsteadOfAnEmptyChart() throws Exception {
        AppServices services = AppServices.of(tasks, List.of(ConnectionSession.of("Fake", false,
                new FakeGatewayClient(TestKeys.many(3)))), Clock.fixed(TestKeys.NOW, ZoneOffset.UTC));
        UsageViewModel viewModel = onFx(() -> SandboxUsage.viewModelOf(services));
        onFx(viewModel::refresh);

        waitUntil(10, () -> !viewModel.unsupportedTextProperty().get().isEmpty());
        assertThat(onFx(() -> viewModel.unsupportedTextProperty().get())).isEqualTo("Fake gateway does not support usage.");
        assertThat(onFx(() -> viewModel.series().isEmpty() && viewModel.cards().isEmpty())).isTrue();
        assertThat(onFx(() -> viewModel.errorTextProperty().get())).isEmpty();
        onFx(() -> viewModel.autoRefreshProperty().set(true));
        assertThat(onFx(viewModel::isAutoRefreshRunning)).as("nothing to refresh").isFalse();
    }

    @Test
    void autoRefreshRunsOnlyWhileTheWindowShows() throws Exception {
        sandbox = new SandboxUsage();
        UsageViewModel viewModel = onFx(sandbox::viewModel);
        assertThat(onFx(viewModel::isAutoRefreshRunning)).as("off by default").isFalse();
        onFx(() -> viewModel.autoRefreshProperty().set(true));
        assertThat(onFx(viewModel::isAutoRefreshRunning)).isTrue();
        onFx(() -> viewModel.windowShowingProperty().set(false));
        assertThat(onFx(viewModel::isAutoRefreshRunning)).as("paused while iconified").isFalse();
        onFx(() -> viewModel.windowShowingProperty().set(true));
        assertThat(onFx(viewModel::isAutoRefreshRunning)).isTrue();
        onFx(() -> viewModel.autoRefreshProperty().set(false));
    }

    @Test
    void choosingAKeyOpensItInTheKeysViewAndHoverNamesKeyBucketAndValue() throws Exception {
        sandbox = new SandboxUsage();
        UsageViewModel viewModel = onFx(sandbox::viewModel);
        onFx(viewModel::refresh);
        waitUntil(20, () -> !viewModel.series().isEmpty());
        onFx(() -> sandbox.services.navigation().show(FxmlView.USAGE));

        ChartSeries top = onFx(() -> viewModel.series().get(0));
        int busiest = 0;
        for (int i = 0; i < top.size(); i++) {
            busiest = top.y()[i] > top.y()[busiest] ? i : busiest;
        }
        int at = busiest;
        String hover = onFx(() -> viewModel.describePoint(top, at));
        assertThat(hover).contains(top.name()).contains(" UTC").endsWith(" requests")
                .contains(String.format("%,d", (long) top.y()[at]));

        onFx(() -> viewModel.select(top));
        onFx(viewModel::openSelectedKey);
        assertThat(onFx(() -> sandbox.services.navigation().keyFocusProperty().get().keyId())).isEqualTo(top.keyId());
        assertThat(onFx(() -> sandbox.services.navigation().viewProperty().get())).isEqualTo(FxmlView.KEYS);

        onFx(() -> viewModel.metricProperty().set(UsageMetric.ERRORS));
        assertThat(onFx(() -> viewModel.series().get(0).keyId())).isNotNull();
        assertThat(onFx(() -> viewModel.describePoint(viewModel.series().get(0), 0))).endsWith(" errors");
    }
}
