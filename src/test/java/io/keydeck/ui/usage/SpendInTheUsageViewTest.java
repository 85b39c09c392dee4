package io.keydeck.ui.usage;

import io.keydeck.model.Capability;
import io.keydeck.model.UsagePoint;
import io.keydeck.session.ConnectionSession;
import io.keydeck.ui.AppServices;
import io.keydeck.ui.FakeGatewayClient;
import io.keydeck.ui.FxTestSupport;
import io.keydeck.ui.TestKeys;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.usage.ChartSeries;
import io.keydeck.usage.UsageMetric;
import io.keydeck.usage.UsageRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Issue 21 item 4: spend beside requests and tokens in the Usage view, in total (a card) and per key (the
 * chart's metric), from the cost the sandbox reports per usage bucket; a gateway that reports no cost shows
 * "not reported", not $0.00.
 */
class SpendInTheUsageViewTest {
    private final BackgroundTasks tasks = BackgroundTasks.pool(2);
    private SandboxUsage sandbox;
    /** The services {@link #loadedOver} made last. */
    private AppServices lastServices;

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
    void theSandboxsBucketCostsAddUpToTheSpendCardAndChartPerKey() throws Exception {
        sandbox = new SandboxUsage();
        UsageViewModel viewModel = onFx(sandbox::viewModel);
        onFx(viewModel::refresh);
        waitUntil(20, () -> !viewModel.cards().isEmpty());
        UsageRange range = onFx(() -> viewModel.shownRangeProperty().get());
        assertThat(sandbox.client.usage(range.query()).points()).as("cost only when asked for")
                .allSatisfy(p -> assertThat(p.cost()).isNull());
        List<UsagePoint> points = sandbox.client.usage(range.query().withCost()).points();
        assertThat(points).isNotEmpty().allSatisfy(p -> {
            assertThat(p.cost().unit()).isEqualTo("USD");
            // the protocol's prices: $0.50 per million input tokens, $1.50 per million output tokens
            assertThat(p.cost().value().doubleValue()).isCloseTo(
                    (p.inputTokens() * 0.5 + p.outputTokens() * 1.5) / 1_000_000, within(0.0000006));
        });
        BigDecimal total = points.stream().map(p -> p.cost().value()).reduce(BigDecimal.ZERO, BigDecimal::add);

        SummaryCard spend = spendCard(viewModel);
        assertThat(spend.value()).isEqualTo(String.format(java.util.Locale.ROOT, "$%,.2f", total));
        assertThat(onFx(() -> viewModel.cards().stream().map(SummaryCard::title).toList()))
                .containsSubsequence("Requests", "Tokens", "Spend");

        onFx(() -> viewModel.metricProperty().set(UsageMetric.COST));
        waitUntil(10, () -> !viewModel.series().isEmpty());
        ChartSeries top = onFx(() -> viewModel.series().get(0));
        double keyTotal = points.stream().filter(p -> top.keyId().equals(p.keyId()))
                .mapToDouble(p -> p.cost().value().doubleValue()).sum();
        assertThat(IntStream.range(0, top.y().length).mapToDouble(i -> top.y()[i]).sum()).isCloseTo(keyTotal,
                within(0.000001));
        int busiest = IntStream.range(0, top.y().length).reduce((a, b) -> top.y()[a] >= top.y()[b] ? a : b).orElseThrow();
        assertThat(onFx(() -> viewModel.describePoint(top, busiest))).contains("$").contains("spend");
        shootTheViewShowingSpend();
    }

    /** The Usage view in a window, Spend chosen, in both themes (target/shots/usage-spend-*.png). */
    private void shootTheViewShowingSpend() throws Exception {
        shootWithSpendChosen(sandbox.services, "usage-spend", r ->
                !r.lookup(".chart-series-line").queryAll().isEmpty()
                        || !r.lookup(".chart-series-area-line").queryAll().isEmpty());
    }

    /** {@code services}' Usage view in a window, Spend chosen, once {@code drawn}, in both themes (target/shots). */
    private static void shootWithSpendChosen(AppServices services, String name,
            java.util.function.Predicate<org.testfx.api.FxRobot> drawn) throws Exception {
        org.testfx.api.FxToolkit.registerPrimaryStage();
        org.testfx.api.FxToolkit.setupStage(stage -> {
            stage.setScene(io.keydeck.ui.AppWindow.scene(services));
            stage.setWidth(1240); // Monocle's headless screen is 1280x800
            stage.setHeight(780);
            stage.show();
            services.navigation().show(io.keydeck.ui.common.FxmlView.USAGE);
        });
        org.testfx.api.FxRobot robot = new org.testfx.api.FxRobot();
        waitUntil(20, () -> robot.lookup("#metricBox").tryQuery().isPresent()
                && robot.lookup(".usage-card").queryAll().size() >= 5);
        onFx(() -> robot.lookup("#metricBox").<javafx.scene.control.ComboBox<UsageMetric>>query()
                .setValue(UsageMetric.COST));
        waitUntil(10, () -> drawn.test(robot));
        javafx.scene.Scene scene = onFx(() -> robot.lookup("#metricBox").query().getScene());
        io.keydeck.ui.SceneShots.inBothThemes(scene, name);
        org.testfx.api.FxToolkit.cleanupStages();
    }

    @Test
    void aGatewayThatReportsNoCostSaysNotReportedInsteadOfZero() throws Exception {
        UsageViewModel viewModel = loadedOver(gatewayWithoutCost());

        assertThat(spendCard(viewModel).value()).isEqualTo("not reported");
        assertThat(onFx(() -> viewModel.series().isEmpty())).isFalse();
        onFx(() -> viewModel.metricProperty().set(UsageMetric.COST));
        waitUntil(5, () -> viewModel.series().isEmpty());
        assertThat(onFx(() -> viewModel.emptyTextProperty().get())).startsWith("This gateway reports no cost");
        onFx(() -> viewModel.metricProperty().set(UsageMetric.REQUESTS));
        waitUntil(5, () -> !viewModel.series().isEmpty());
        assertThat(onFx(() -> viewModel.emptyTextProperty().get())).startsWith("No usage in this range");
    }

    /**
     * A gateway that says why its buckets carry no cost (here OpenAI's costs report failed; hourly buckets say so too):
     * the Spend card is "not reported" and points to the chart, and the Spend chart says the gateway's reason instead
     * of the generic sentence.
     */
    @Test
    void aGatewaysReasonForNoCostIsWhatTheSpendChartSays() throws Exception {
        String reason = "OpenAI's costs report (/v1/organization/costs) could not be read: The server had an error "
                + "processing your request. (HTTP 500) — request id req_7c1f. Spend per key is unknown; keys and usage "
                + "are shown without it.";
        io.keydeck.gateway.GatewayClient explaining = new io.keydeck.gateway.ForwardingGatewayClient(
                gatewayWithoutCost()) {
            @Override
            public io.keydeck.model.UsageSeries usage(io.keydeck.model.UsageQuery query)
                    throws io.keydeck.gateway.GatewayException {
                return new io.keydeck.model.UsageSeries(query, delegate().usage(query).points(),
                        query.cost() ? reason : null);
            }
        };
        UsageViewModel viewModel = loadedOver(explaining);

        SummaryCard spend = spendCard(viewModel);
        assertThat(spend.value()).isEqualTo("not reported");
        assertThat(spend.change()).isEqualTo("why: see the Spend chart");
        onFx(() -> viewModel.metricProperty().set(UsageMetric.COST));
        waitUntil(5, () -> viewModel.series().isEmpty());
        assertThat(onFx(() -> viewModel.emptyTextProperty().get())).isEqualTo(reason);

        // how it looks beside the banner the connection list raises for a costs report that failed (shown directly
        // here; ConnectionsTest proves the session raises it): target/shots/usage-spend-unknown-*.png
        AppServices services = lastServices;
        onFx(() -> services.notices().show(new io.keydeck.ui.shell.WindowNotices.Notice("Fake:partial-spend",
                io.keydeck.ui.shell.WindowNotices.Level.WARNING, "Spend unknown on Fake", reason)));
        shootWithSpendChosen(services, "usage-spend-unknown", r -> r.lookup("#emptyLabel").tryQuery()
                .map(javafx.scene.Node::isVisible).orElse(false));
    }

    /** A gateway with usage yesterday and no cost in it. */
    private static FakeGatewayClient gatewayWithoutCost() {
        List<UsagePoint> noCost = List.of(new UsagePoint(TestKeys.many(1).get(0).id(),
                TestKeys.NOW.minus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.DAYS), 40, 1000, 500, 1));
        return new FakeGatewayClient(TestKeys.many(1)).withUsage(noCost).withCapabilities(Capability.values());
    }

    /** The Usage view's model over {@code client}, its first load done. */
    private UsageViewModel loadedOver(io.keydeck.gateway.GatewayClient client) throws Exception {
        AppServices services = AppServices.of(tasks, List.of(ConnectionSession.of("Fake", false, client)),
                Clock.fixed(TestKeys.NOW, ZoneOffset.UTC));
        lastServices = services;
        UsageViewModel viewModel = onFx(() -> SandboxUsage.viewModelOf(services));
        onFx(viewModel::refresh);
        waitUntil(10, () -> !viewModel.cards().isEmpty());
        return viewModel;
    }

    private static SummaryCard spendCard(UsageViewModel viewModel) throws Exception {
        return onFx(() -> viewModel.cards().stream().filter(c -> c.title().equals("Spend")).findFirst().orElseThrow());
    }
}
