package io.keydeck.ui.keys;

import io.keydeck.gateway.GatewayException;
import io.keydeck.model.ApiKey;
import io.keydeck.model.KeyEnvironment;
import io.keydeck.model.KeyStatus;
import io.keydeck.ui.shell.ActiveConnection;
import io.keydeck.ui.AppServices;
import io.keydeck.session.ConnectionSession;
import io.keydeck.ui.FakeGatewayClient;
import io.keydeck.ui.TestKeys;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.RelativeTime;
import io.keydeck.ui.common.StatusLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.CountDownLatch;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

class KeysViewModelTest {
    private static final ResourceBundle MESSAGES = ResourceBundle.getBundle(AppServices.MESSAGES, Locale.ENGLISH);
    private static final Clock CLOCK = Clock.fixed(TestKeys.NOW, ZoneOffset.UTC);

    private final BackgroundTasks tasks = BackgroundTasks.pool(2);
    private final StatusLine status = new StatusLine();

    @BeforeAll
    static void toolkit() throws Exception {
        io.keydeck.ui.FxTestSupport.startToolkit();
    }

    @AfterEach
    void closeTasks() {
        tasks.close();
    }

    private final io.keydeck.ui.shell.Navigation navigation = new io.keydeck.ui.shell.Navigation();

    private KeysViewModel viewModel(ConnectionSession session) {
        return new KeysViewModel(new ActiveConnection(session), tasks, MESSAGES, new RelativeTime(CLOCK, MESSAGES),
                status, navigation);
    }

    private static ConnectionSession session(FakeGatewayClient client) {
        return ConnectionSession.of("Fake", false, client);
    }

    @Test
    void loadingFollowsEveryPageAndFillsTheRows() throws Exception {
        FakeGatewayClient client = new FakeGatewayClient(TestKeys.many(250)).pagedBy(100).blockingAtPage(2);
        KeysViewModel vm = viewModel(session(client));

        onFx(vm::refresh);
        assertThat(client.awaitBlocked()).isTrue();
        waitUntil(10, () -> vm.progressTextProperty().get().equals("Loaded 200 keys…"));
        assertThat(onFx(() -> vm.loadingProperty().get())).isTrue();

        client.release();
        waitUntil(10, () -> !vm.loadingProperty().get());
        assertThat(onFx(() -> vm.keys().size())).isEqualTo(250);
        assertThat(onFx(() -> vm.summaryProperty().get())).isEqualTo("Fake · 250 keys");
        assertThat(onFx(() -> status.textProperty().get())).isEqualTo("Loaded 250 keys");
        assertThat(onFx(() -> vm.errorTextProperty().get())).isEmpty();
    }

    @Test
    void theFirstPageShowsWhileTheRestLoadsAndACancelledLoadLeavesNoPartialList() throws Exception {
        FakeGatewayClient client = new FakeGatewayClient(TestKeys.many(250)).pagedBy(100).blockingAtPage(1);
        KeysViewModel vm = viewModel(session(client));

        onFx(vm::refresh);
        assertThat(client.awaitBlocked()).isTrue();
        waitUntil(10, () -> onFx(() -> vm.keys().size()) == 100);
        assertThat(onFx(() -> vm.loadingProperty().get())).isTrue();
        assertThat(onFx(() -> vm.summaryProperty().get())).as("no count is claimed before the load ends").isEmpty();

        onFx(vm::cancel);
        waitUntil(10, () -> !vm.loadingProperty().get());
        assertThat(onFx(() -> vm.keys().isEmpty())).isTrue();
        assertThat(onFx(() -> vm.allKeys().isEmpty())).isTrue();
    }

    @Test
    void aRefreshKeepsTheFullListUntilTheNewOneIsComplete() throws Exception {
        FakeGatewayClient client = new FakeGatewayClient(TestKeys.many(250)).pagedBy(100).blockingAtPage(4);
        KeysViewModel vm = viewModel(session(client));
        onFx(vm::refresh);
        waitUntil(10, () -> !vm.loadingProperty().get());
        assertThat(onFx(() -> vm.keys().size())).isEqualTo(250);

        onFx(vm::refresh); // pages 3, 4 (blocks), 5
        assertThat(client.awaitBlocked()).isTrue();
        assertThat(onFx(() -> vm.keys().size())).isEqualTo(250);
        client.release();
        waitUntil(10, () -> !vm.loadingProperty().get());
        assertThat(onFx(() -> vm.keys().size())).isEqualTo(250);
    }

    @Test
    void showsTimesHintsAndStatusAsPeopleReadThem() {
        KeysViewModel vm = viewModel(null);
        ApiKey neverUsed = TestKeys.key("k_1a2b", "CI", KeyEnvironment.TEST, List.of("chat"), Duration.ofDays(3),
                null, Duration.ofDays(5).plusHours(1), false, false);
        ApiKey expired = TestKeys.key("k_3c4d", "Old", KeyEnvironment.LIVE, List.of(), Duration.ofDays(400),
                Duration.ofDays(1), Duration.ofDays(-2), false, false);
        ApiKey revoked = TestKeys.key("k_5e6f", "Leaked", KeyEnvironment.LIVE, List.of(), Duration.ofDays(10),
                Duration.ofMinutes(5), Duration.ofDays(-2), true, false);
        ApiKey disabled = TestKeys.key("k_7a8b", "Paused", KeyEnvironment.LIVE, List.of(), Duration.ofDays(10),
                Duration.ofHours(1), Duration.ofDays(90), false, true);

        assertThat(vm.hint(neverUsed)).isEqualTo("mrk_test_…1a2b");
        assertThat(vm.relative(neverUsed.lastUsedAt())).isEqualTo("never");
        assertThat(vm.relative(neverUsed.createdAt())).isEqualTo("3 days ago");
        assertThat(vm.relative(expired.lastUsedAt())).isEqualTo("1 day ago");
        assertThat(vm.relative(revoked.lastUsedAt())).isEqualTo("5 minutes ago");
        assertThat(vm.relative(expired.createdAt())).isEqualTo("13 months ago");
        assertThat(vm.relative(neverUsed.expiresAt())).isEqualTo("in 5 days");
        assertThat(vm.expiresText(null)).isEqualTo("no expiry");

        assertThat(vm.expiry(neverUsed.expiresAt())).isEqualTo(KeysViewModel.Expiry.SOON);
        assertThat(vm.expiry(expired.expiresAt())).isEqualTo(KeysViewModel.Expiry.PAST);
        assertThat(vm.expiry(disabled.expiresAt())).isEqualTo(KeysViewModel.Expiry.LATER);

        assertThat(vm.status(neverUsed)).isEqualTo(KeyStatus.ACTIVE);
        assertThat(vm.status(expired)).isEqualTo(KeyStatus.EXPIRED);
        assertThat(vm.status(revoked)).isEqualTo(KeyStatus.REVOKED);
        assertThat(vm.status(disabled)).isEqualTo(KeyStatus.DISABLED);
        assertThat(vm.statusText(KeyStatus.REVOKED)).isEqualTo("Revoked");
    }

    @Test
    void gatewayErrorBecomesOneLineWithCodeAndRequestIdAndKeepsTheRows() throws Exception {
        FakeGatewayClient client = new FakeGatewayClient(TestKeys.many(3));
        KeysViewModel vm = viewModel(session(client));
        onFx(vm::refresh);
        waitUntil(10, () -> vm.keys().size() == 3 && !vm.loadingProperty().get());

        client.failingWith(new GatewayException(GatewayException.Kind.UNAUTHENTICATED, 401, "invalid_api_key",
                "The admin token was not accepted", "req_7f3a9c"));
        onFx(vm::refresh);
        waitUntil(10, () -> !vm.loadingProperty().get());

        assertThat(onFx(() -> vm.errorTextProperty().get()))
                .isEqualTo("The admin token was not accepted (invalid_api_key, HTTP 401) — request id req_7f3a9c");
        assertThat(onFx(() -> vm.keys().size())).as("rows from the last good load stay").isEqualTo(3);
        assertThat(onFx(() -> status.textProperty().get())).isEqualTo("Loading keys failed");
    }

    @Test
    void cancelStopsTheRequestAndShowsNoError() throws Exception {
        FakeGatewayClient client = new FakeGatewayClient(TestKeys.many(150)).pagedBy(100).blockingAtPage(0);
        KeysViewModel vm = viewModel(session(client));
        onFx(vm::refresh);
        assertThat(client.awaitBlocked()).isTrue();

        onFx(vm::cancel);
        waitUntil(10, () -> !vm.loadingProperty().get());
        waitUntil(10, client::wasInterrupted);
        assertThat(onFx(() -> vm.keys().isEmpty())).isTrue();
        assertThat(onFx(() -> vm.errorTextProperty().get())).isEmpty();
        assertThat(onFx(() -> status.textProperty().get())).isEqualTo("Loading keys cancelled");
    }

    @Test
    void saysTheSandboxIsStartingUntilTheClientIsOpen() throws Exception {
        CountDownLatch sandboxUp = new CountDownLatch(1);
        ConnectionSession opening = ConnectionSession.opening("Sandbox (local demo)", true,
                MESSAGES.getString("sandbox.starting"), () -> {
                    sandboxUp.await();
                    return new FakeGatewayClient(TestKeys.many(12));
                }, tasks.executor());
        KeysViewModel vm = viewModel(opening);
        onFx(vm::refresh);
        waitUntil(10, () -> vm.progressTextProperty().get().equals("Starting the local sandbox…"));

        sandboxUp.countDown();
        waitUntil(10, () -> !vm.loadingProperty().get());
        assertThat(onFx(() -> vm.keys().size())).isEqualTo(12);
    }

    @Test
    void searchEnvironmentStatusAndRevokedTogglesNarrowTheRows() throws Exception {
        List<ApiKey> keys = List.of(
                TestKeys.key("key_aaa1", "Checkout", KeyEnvironment.LIVE, List.of("chat"), Duration.ofDays(9),
                        Duration.ofHours(1), null, false, false),
                TestKeys.key("key_bbb2", "Embedder", KeyEnvironment.TEST, List.of("embeddings"), Duration.ofDays(9),
                        null, null, false, false),
                TestKeys.key("key_ccc3", "Old batch", KeyEnvironment.LIVE, List.of("chat", "batch"),
                        Duration.ofDays(90), Duration.ofDays(40), Duration.ofDays(-1), false, false),
                TestKeys.key("key_ddd4", "Leaked", KeyEnvironment.LIVE, List.of("chat"), Duration.ofDays(9),
                        Duration.ofDays(2), null, true, false));
        KeysViewModel vm = viewModel(session(new FakeGatewayClient(keys)));
        onFx(vm::refresh);
        waitUntil(10, () -> !vm.loadingProperty().get());

        assertThat(names(vm)).as("revoked keys hidden by default").containsExactly("Checkout", "Embedder", "Old batch");
        assertThat(onFx(() -> vm.summaryProperty().get())).isEqualTo("Fake · showing 3 of 4 keys");

        onFx(() -> vm.showRevokedProperty().set(true));
        assertThat(names(vm)).contains("Leaked").hasSize(4);
        assertThat(onFx(() -> vm.summaryProperty().get())).isEqualTo("Fake · 4 keys");

        onFx(() -> vm.searchProperty().set("  EMBED "));
        assertThat(names(vm)).as("scope match, any case").containsExactly("Embedder");
        onFx(() -> vm.searchProperty().set("ccc3"));
        assertThat(names(vm)).as("last four").containsExactly("Old batch");
        onFx(() -> vm.searchProperty().set("mrk_test_"));
        assertThat(names(vm)).as("prefix").containsExactly("Embedder");
        onFx(() -> vm.searchProperty().set("batch"));
        assertThat(names(vm)).as("name or scope").containsExactly("Old batch");
        onFx(() -> vm.searchProperty().set("nothing like this"));
        assertThat(names(vm)).isEmpty();

        onFx(() -> vm.searchProperty().set(""));
        onFx(() -> vm.environmentFilterProperty().set(KeyEnvironment.LIVE));
        assertThat(names(vm)).containsExactly("Checkout", "Old batch", "Leaked");
        onFx(() -> vm.statusFilterProperty().set(KeyStatus.EXPIRED));
        assertThat(names(vm)).containsExactly("Old batch");
        onFx(() -> vm.environmentFilterProperty().set(null));
        onFx(() -> vm.statusFilterProperty().set(null));
        onFx(() -> vm.showRevokedProperty().set(false));
        assertThat(names(vm)).hasSize(3);
    }

    @Test
    void detailsShowEveryFieldOfTheSelectedKeyAndCopyGivesItsId() throws Exception {
        ApiKey key = TestKeys.key("key_9f2e", "Support bot", KeyEnvironment.LIVE, List.of("chat", "embeddings"),
                Duration.ofDays(3), Duration.ofHours(5), Duration.ofDays(30), false, false);
        KeysViewModel vm = viewModel(session(new FakeGatewayClient(List.of(key))));
        onFx(() -> vm.selectedProperty().set(key));

        List<String> lines = onFx(() -> vm.details().stream().map(d -> d.label() + ": " + d.value()).toList());
        assertThat(lines).contains("Name: Support bot", "Key id: key_9f2e", "Key: mrk_live_…9f2e",
                "Environment: live", "Status: Active", "Scopes: chat, embeddings", "Created: 2026-03-07 12:00 Z",
                "Last used: 2026-03-10 07:00 Z", "Last used from: 10.0.0.7", "Expires: 2026-04-09 12:00 Z",
                "Disabled: No", "Revoked: No");
        assertThat(onFx(vm::copyKeyId)).isEqualTo("key_9f2e");
        assertThat(onFx(() -> status.textProperty().get())).isEqualTo("Copied key id key_9f2e");
        assertThat(vm.lastUsedDetail(key)).isEqualTo("2026-03-10 07:00 Z from 10.0.0.7");
    }

    @Test
    void anotherViewCanOpenAHiddenKeyEvenBeforeTheKeysHaveLoaded() throws Exception {
        List<ApiKey> keys = List.of(
                TestKeys.key("key_aaa1", "Checkout", KeyEnvironment.LIVE, List.of("chat"), Duration.ofDays(9),
                        Duration.ofHours(1), null, false, false),
                TestKeys.key("key_ddd4", "Leaked", KeyEnvironment.LIVE, List.of("chat"), Duration.ofDays(9),
                        Duration.ofDays(2), null, true, false));
        KeysViewModel vm = viewModel(session(new FakeGatewayClient(keys)));
        onFx(() -> vm.searchProperty().set("checkout"));
        onFx(() -> navigation.showKey("key_ddd4"));
        onFx(vm::refresh);
        waitUntil(10, () -> !vm.loadingProperty().get());

        assertThat(onFx(() -> vm.selectedProperty().get().name())).isEqualTo("Leaked");
        assertThat(names(vm)).as("filters relaxed so the revoked key is visible").contains("Leaked");
        assertThat(onFx(() -> navigation.viewProperty().get())).isEqualTo(io.keydeck.ui.common.FxmlView.KEYS);
    }

    private static List<String> names(KeysViewModel vm) throws Exception {
        return onFx(() -> vm.keys().stream().map(ApiKey::name).toList());
    }
}
