package io.keydeck.ui.connections;

import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.PartialAnswer;
import io.keydeck.sandbox.SandboxGateway;
import io.keydeck.sandbox.SandboxOptions;
import io.keydeck.settings.ConnectionProfile;
import io.keydeck.settings.EnvironmentTag;
import io.keydeck.settings.SettingsStore;
import io.keydeck.ui.AppServices;
import io.keydeck.session.ConnectionSession;
import io.keydeck.ui.FxTestSupport;
import io.keydeck.ui.shell.WindowNotices;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.vault.SessionVault;
import io.keydeck.vault.TokenVault;
import io.keydeck.vault.VaultSelection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The app's connections over a real settings file, a vault and a standalone sandbox on another port:
 * first start, restarts, tokens asked for again, 401 and 403 handling and token warnings.
 */
class ConnectionsTest {
    private static final SandboxOptions DEMO = SandboxOptions.defaults().withTraffic(false).withKeys(5);
    private static SandboxGateway second;

    @TempDir Path configDir;
    private final List<BackgroundTasks> pools = new ArrayList<>();
    private final List<Connections> started = new ArrayList<>();
    private final KeptVault keychain = new KeptVault();
    private final ScriptedTokenPrompt prompt = new ScriptedTokenPrompt();

    @BeforeAll
    static void startSecondSandbox() throws Exception {
        FxTestSupport.startToolkit();
        second = SandboxGateway.start(SandboxOptions.defaults().withTraffic(false).withKeys(7).withSeed(7));
    }

    @AfterAll
    static void stopSecondSandbox() {
        second.close();
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (Connections connections : started) {
            onFx(connections::close);
        }
        pools.forEach(BackgroundTasks::close);
        keychain.wipe();
    }

    private Connections start(TokenVault vault, String notice) throws Exception {
        BackgroundTasks tasks = BackgroundTasks.pool(3);
        pools.add(tasks);
        AppServices services = AppServices.start(tasks, new SettingsStore(configDir),
                CompletableFuture.completedFuture(new VaultSelection(vault, Optional.ofNullable(notice))), DEMO,
                Clock.systemUTC());
        Connections connections = services.savedConnections();
        onFx(() -> connections.useTokenPromptIfNone(prompt));
        started.add(connections);
        return connections;
    }

    private void restart(Connections connections) throws Exception {
        onFx(connections::awaitSaved);
        onFx(connections::close);
        started.remove(connections);
    }

    private static ConnectionProfile secondProfile(EnvironmentTag tag) {
        return ConnectionProfile.create("Second sandbox", "multiroute", second.baseUrl().toString(), tag);
    }

    private static int keyCount(ConnectionSession session) throws Exception {
        return session.awaitClient().listAllKeys(true, n -> { }).size();
    }

    private static ConnectionSession named(Connections connections, String name) throws Exception {
        return onFx(() -> connections.sessions().stream().filter(s -> s.displayName().equals(name)).findFirst()
                .orElseThrow());
    }

    private static List<String> names(Connections connections) throws Exception {
        return onFx(() -> connections.sessions().stream().map(ConnectionSession::displayName).toList());
    }

    @Test
    void theFirstStartShowsTheDemoSandboxAndRemovingItKeepsItRemoved() throws Exception {
        Connections first = start(keychain, null);
        ConnectionSession demo = onFx(() -> first.sessions().get(0));
        assertThat(names(first)).containsExactly("Sandbox (local demo)");
        assertThat(demo.isDemo()).isTrue();
        assertThat(demo.environmentTag()).contains(EnvironmentTag.DEVELOPMENT);
        assertThat(onFx(() -> first.active().session())).isSameAs(demo);
        assertThat(keyCount(demo)).isGreaterThanOrEqualTo(5);

        onFx(() -> first.remove(demo));
        restart(first);

        Connections again = start(keychain, null);
        assertThat(names(again)).isEmpty();
        assertThat(Files.readString(configDir.resolve("settings.json"))).contains("\"demoDismissed\" : true");
    }

    @Test
    void aSavedConnectionComesBackAfterARestartWithItsTokenFromTheVault() throws Exception {
        String token = second.mintAdminJwt("console", List.of("keys:read", "keys:manage"), Duration.ofDays(90));
        Connections first = start(keychain, null);
        ConnectionProfile profile = secondProfile(EnvironmentTag.STAGING);
        ConnectionSession added = onFx(() -> first.add(profile, token.toCharArray()));
        assertThat(keyCount(added)).isEqualTo(second.keyCount());
        assertThat(onFx(() -> first.active().session())).isSameAs(added);
        restart(first);

        String settings = Files.readString(configDir.resolve("settings.json"));
        assertThat(settings).contains("Second sandbox").contains("STAGING").doesNotContain(token);
        assertThat(keychain.read(profile.id()).map(String::new)).contains(token);

        Connections again = start(keychain, null);
        assertThat(names(again)).containsExactly("Sandbox (local demo)", "Second sandbox");
        ConnectionSession restored = named(again, "Second sandbox");
        assertThat(onFx(() -> again.active().session())).as("the selection is remembered").isSameAs(restored);
        assertThat(restored.environmentTag()).contains(EnvironmentTag.STAGING);
        assertThat(keyCount(restored)).isEqualTo(second.keyCount());
        assertThat(prompt.questions()).isEmpty();
    }

    @Test
    void withASessionOnlyVaultTheTokenIsAskedForAgainAfterARestart() throws Exception {
        String token = second.adminToken();
        Connections first = start(new SessionVault(), null);
        ConnectionProfile profile = secondProfile(EnvironmentTag.DEVELOPMENT);
        onFx(() -> first.add(profile, token.toCharArray()));
        restart(first);

        SessionVault fresh = new SessionVault();
        Connections again = start(fresh, "No OS keychain answered (there is no D-Bus session bus); tokens are kept"
                + " for this session only and will be asked for again next start.");
        waitUntil(10, () -> again.notices().notices().stream().anyMatch(n -> n.id().equals("vault")));
        WindowNotices.Notice banner = onFx(() -> again.notices().notices().stream()
                .filter(n -> n.id().equals("vault")).findFirst().orElseThrow());
        assertThat(banner.title()).isEqualTo("Tokens will not be remembered");
        assertThat(banner.text()).contains("no D-Bus session bus").contains("this session only");

        waitUntil(10, () -> prompt.questions().size() == 1);
        ScriptedTokenPrompt.Question question = prompt.questions().get(0);
        assertThat(question.profile().id()).isEqualTo(profile.id());
        assertThat(question.reason()).contains("no saved token").contains("This session only");
        question.answer(token);

        assertThat(keyCount(named(again, "Second sandbox"))).isEqualTo(second.keyCount());
        waitUntil(10, () -> fresh.read(profile.id()).isPresent());
    }

    @Test
    void decliningTheTokenPromptLeavesTheConnectionClosedWithAReason() throws Exception {
        Connections first = start(keychain, null);
        ConnectionProfile profile = secondProfile(EnvironmentTag.DEVELOPMENT);
        onFx(() -> first.add(profile, second.adminToken().toCharArray()));
        restart(first);
        keychain.delete(profile.id());

        Connections again = start(keychain, null);
        waitUntil(10, () -> prompt.questions().size() == 1);
        prompt.questions().get(0).decline();

        assertThatThrownBy(() -> named(again, "Second sandbox").awaitClient())
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.code()).isEqualTo("no_token");
                    assertThat(e.getMessage()).contains("edit the connection to enter one");
                });
    }

    @Test
    void aRejectedTokenIsAskedForOnceAndTheConnectionReopensWithTheNewOne() throws Exception {
        Connections connections = start(keychain, null);
        ConnectionProfile profile = secondProfile(EnvironmentTag.PRODUCTION);
        ConnectionSession added = onFx(() -> connections.add(profile, ("mrk_admin_" + "1".repeat(32)).toCharArray()));

        waitUntil(10, () -> prompt.questions().size() == 1);
        GatewayException rejected = new GatewayException(GatewayException.Kind.UNAUTHENTICATED, 401,
                "invalid_api_key", "Invalid API key", "req_again");
        added.reportAuthFailure(rejected);
        added.reportAuthFailure(rejected);
        // both reports travel the FX queue (report -> watch -> question); a second prompt would be asked by now
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(prompt.questions()).hasSize(1);
        assertThat(prompt.questions().get(0).reason()).contains("rejected the stored token").contains("invalid_api_key");

        prompt.questions().get(0).answer(second.adminToken());
        waitUntil(10, () -> connections.active().session() != added);
        ConnectionSession reopened = onFx(() -> connections.active().session());
        assertThat(names(connections)).containsExactly("Sandbox (local demo)", "Second sandbox");
        assertThat(keyCount(reopened)).isEqualTo(second.keyCount());
        waitUntil(10, () -> keychain.read(profile.id()).map(String::new).orElse("").equals(second.adminToken()));
    }

    @Test
    void aForbiddenAnswerNamesTheMissingPermission() throws Exception {
        Connections connections = start(keychain, null);
        ConnectionSession added = onFx(() -> connections.add(secondProfile(EnvironmentTag.STAGING),
                second.adminToken().toCharArray()));
        added.reportAuthFailure(new GatewayException(GatewayException.Kind.FORBIDDEN, 403,
                "insufficient_permissions", "This token lacks the keys:manage scope", "req_403"));

        waitUntil(10, () -> connections.notices().notices().stream().anyMatch(n -> n.id().endsWith(":forbidden")));
        WindowNotices.Notice notice = onFx(() -> connections.notices().notices().stream()
                .filter(n -> n.id().endsWith(":forbidden")).findFirst().orElseThrow());
        assertThat(notice.title()).isEqualTo("Second sandbox refused an action");
        assertThat(notice.text()).contains("lacks the keys:manage scope").contains("req_403")
                .doesNotContain("Exception");
        assertThat(prompt.questions()).isEmpty();
    }

    /**
     * A gateway that answered only in part (its costs report failed, so spend is unknown) gets a banner naming the
     * connection and saying what failed, until an answer brings that part again.
     */
    @Test
    void anAnswerWithoutSpendIsABannerUntilSpendIsBack() throws Exception {
        Connections connections = start(keychain, null);
        ConnectionSession added = onFx(() -> connections.add(secondProfile(EnvironmentTag.PRODUCTION),
                second.adminToken().toCharArray()));
        String problem = "OpenAI's costs report (/v1/organization/costs) could not be read: Bad gateway (HTTP 502)."
                + " Spend per key is unknown; keys and usage are shown without it.";
        added.reportPartialAnswer(PartialAnswer.missing(PartialAnswer.SPEND, problem));

        waitUntil(10, () -> connections.notices().notices().stream().anyMatch(n -> n.id().endsWith(":partial-spend")));
        WindowNotices.Notice notice = onFx(() -> connections.notices().notices().stream()
                .filter(n -> n.id().endsWith(":partial-spend")).findFirst().orElseThrow());
        assertThat(notice.title()).isEqualTo("Spend unknown on Second sandbox");
        assertThat(notice.text()).isEqualTo(problem);
        assertThat(notice.level()).isEqualTo(WindowNotices.Level.WARNING);

        added.reportPartialAnswer(PartialAnswer.complete(PartialAnswer.SPEND));
        waitUntil(10, () -> connections.notices().notices().stream().noneMatch(n -> n.id().endsWith(":partial-spend")));
    }

    @Test
    void aTokenThatExpiresSoonAndCannotManageKeysIsCalledOut() throws Exception {
        String token = second.mintAdminJwt("auditor", List.of("keys:read", "audit:read"), Duration.ofDays(2));
        Connections connections = start(keychain, null);
        ConnectionSession added = onFx(() -> connections.add(secondProfile(EnvironmentTag.PRODUCTION),
                token.toCharArray()));
        keyCount(added);

        waitUntil(10, () -> connections.notices().notices().stream().anyMatch(n -> n.id().endsWith(":expiry")));
        List<WindowNotices.Notice> notices = onFx(() -> List.copyOf(connections.notices().notices()));
        assertThat(notices).anySatisfy(n -> {
            assertThat(n.level()).isEqualTo(WindowNotices.Level.WARNING);
            assertThat(n.title()).isEqualTo("The admin token of Second sandbox expires soon");
            assertThat(n.text()).contains("in 2 days");
        });
        assertThat(added.manageBlockedReason()).hasValueSatisfying(reason ->
                assertThat(reason).contains("Second sandbox").contains("keys:manage"));
        assertThat(added.tokenClaims().orElseThrow().scopes()).containsExactly("keys:read", "audit:read");
    }

    @Test
    void anExpiredTokenIsAskedForAgain() throws Exception {
        String expired = second.mintAdminJwt("old", List.of("keys:read"), Duration.ofHours(-1));
        Connections connections = start(keychain, null);
        onFx(() -> connections.add(secondProfile(EnvironmentTag.STAGING), expired.toCharArray()));

        waitUntil(10, () -> prompt.questions().size() == 1);
        assertThat(prompt.questions().get(0).reason()).contains("expired_api_key");
        waitUntil(10, () -> connections.notices().notices().stream().anyMatch(n -> n.id().endsWith(":expiry")));
        assertThat(onFx(() -> connections.notices().notices().stream().filter(n -> n.id().endsWith(":expiry"))
                .findFirst().orElseThrow())).satisfies(n -> {
                    assertThat(n.level()).isEqualTo(WindowNotices.Level.DANGER);
                    assertThat(n.title()).isEqualTo("The admin token of Second sandbox has expired");
                });
    }

    @Test
    void editingWithoutANewTokenKeepsTheStoredOne() throws Exception {
        Connections connections = start(keychain, null);
        ConnectionProfile profile = secondProfile(EnvironmentTag.DEVELOPMENT);
        ConnectionSession added = onFx(() -> connections.add(profile, second.adminToken().toCharArray()));
        keyCount(added);

        ConnectionSession renamed = onFx(() -> connections.update(added,
                profile.withDisplayName("Second sandbox (EU)").withEnvironmentTag(EnvironmentTag.PRODUCTION), null));

        assertThat(names(connections)).containsExactly("Sandbox (local demo)", "Second sandbox (EU)");
        assertThat(renamed.environmentTag()).contains(EnvironmentTag.PRODUCTION);
        assertThat(keyCount(renamed)).isEqualTo(second.keyCount());
        assertThat(keychain.read(profile.id()).map(String::new)).contains(second.adminToken());
        assertThat(prompt.questions()).isEmpty();
    }

    @Test
    void reorderingAndRemovingAreSavedAndRemovingDeletesTheToken() throws Exception {
        Connections first = start(keychain, null);
        ConnectionProfile profile = secondProfile(EnvironmentTag.STAGING);
        ConnectionSession added = onFx(() -> first.add(profile, second.adminToken().toCharArray()));
        onFx(() -> first.move(added, -1));
        assertThat(names(first)).containsExactly("Second sandbox", "Sandbox (local demo)");
        restart(first);

        Connections again = start(keychain, null);
        assertThat(names(again)).containsExactly("Second sandbox", "Sandbox (local demo)");
        ConnectionSession restored = named(again, "Second sandbox");
        onFx(() -> again.remove(restored));
        onFx(again::awaitSaved);

        assertThat(names(again)).containsExactly("Sandbox (local demo)");
        waitUntil(10, () -> keychain.read(profile.id()).isEmpty());
        assertThat(Files.readString(configDir.resolve("settings.json"))).doesNotContain("Second sandbox");
    }

    @Test
    void aKeychainThatRefusesTheTokenIsSaidSoAndTheConnectionStillWorksThisSession() throws Exception {
        TokenVault refusing = new KeptVault() {
            @Override
            public void store(String connectionId, char[] token) {
                throw new io.keydeck.vault.VaultException("The OS keychain could not store the token of this"
                        + " connection (the keyring is locked).");
            }
        };
        Connections connections = start(refusing, null);
        ConnectionSession added = onFx(() -> connections.add(secondProfile(EnvironmentTag.STAGING),
                second.adminToken().toCharArray()));

        waitUntil(10, () -> connections.notices().notices().stream().anyMatch(n -> n.id().endsWith(":vault-store")));
        WindowNotices.Notice notice = onFx(() -> connections.notices().notices().stream()
                .filter(n -> n.id().endsWith(":vault-store")).findFirst().orElseThrow());
        assertThat(notice.title()).isEqualTo("Token not stored");
        assertThat(notice.text()).contains("the keyring is locked");
        assertThat(keyCount(added)).isEqualTo(second.keyCount());
    }

    @Test
    void aDamagedSettingsFileIsKeptAsideAndSaidSoWhileTheAppStillStarts() throws Exception {
        Files.writeString(configDir.resolve("settings.json"), "{\"connections\": [ {\"displayName\": ");

        Connections connections = start(keychain, null);

        waitUntil(10, () -> connections.notices().notices().stream().anyMatch(n -> n.id().equals("settings")));
        WindowNotices.Notice notice = onFx(() -> connections.notices().notices().stream()
                .filter(n -> n.id().equals("settings")).findFirst().orElseThrow());
        assertThat(notice.title()).isEqualTo("Settings were reset");
        assertThat(notice.text()).contains("was not valid JSON").contains("kept as");
        assertThat(names(connections)).containsExactly("Sandbox (local demo)");
        try (var files = Files.list(configDir)) {
            assertThat(files.map(f -> f.getFileName().toString())).anyMatch(n -> n.startsWith("settings.json.corrupt-"));
        }
    }

    @Test
    void aHandEditedPlainHttpAddressToAnotherComputerIsRefusedBeforeTheTokenIsSent() throws Exception {
        // written as a hand-edited file would be; no request ever leaves this machine
        ConnectionProfile profile = ConnectionProfile.create("Remote", "multiroute", "http://gateway.invalid",
                EnvironmentTag.PRODUCTION);
        new SettingsStore(configDir).save(io.keydeck.settings.Settings.DEFAULTS.withConnection(profile));
        keychain.store(profile.id(), second.adminToken().toCharArray());

        Connections again = start(keychain, null);
        assertThatThrownBy(() -> named(again, "Remote").awaitClient())
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.kind()).isEqualTo(GatewayException.Kind.POLICY);
                    assertThat(e.getMessage()).contains("Plain http:// is only allowed");
                });
    }
}
