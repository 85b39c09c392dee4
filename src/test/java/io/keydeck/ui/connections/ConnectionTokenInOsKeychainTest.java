package io.keydeck.ui.connections;

import io.keydeck.sandbox.SandboxGateway;
import io.keydeck.sandbox.SandboxOptions;
import io.keydeck.settings.ConnectionProfile;
import io.keydeck.settings.EnvironmentTag;
import io.keydeck.settings.SettingsStore;
import io.keydeck.ui.AppServices;
import io.keydeck.session.ConnectionSession;
import io.keydeck.ui.FxTestSupport;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.vault.KeychainUnavailableException;
import io.keydeck.vault.KeychainVault;
import io.keydeck.vault.VaultSelection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
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
import static org.assertj.core.api.Assertions.fail;

/**
 * The done-when of the connections issue with the real OS keychain: a connection added in one run of
 * KeyDeck opens in the next with its token read back from the keychain, without asking. Skips where no
 * keychain answers, unless {@code -Dkeydeck.requireKeychain=true} (CI), where that is a failure.
 */
class ConnectionTokenInOsKeychainTest {
    private static final boolean REQUIRED = Boolean.getBoolean("keydeck.requireKeychain");

    @TempDir Path configDir;
    private SandboxGateway gateway;
    private final List<BackgroundTasks> pools = new ArrayList<>();
    private final ScriptedTokenPrompt prompt = new ScriptedTokenPrompt();
    private String connectionId;

    @BeforeEach
    void start() throws Exception {
        FxTestSupport.startToolkit();
        gateway = SandboxGateway.start(SandboxOptions.defaults().withTraffic(false).withKeys(4).withSeed(3));
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (connectionId != null) {
            try (KeychainVault vault = KeychainVault.open(Duration.ofSeconds(30))) {
                vault.delete(connectionId);
            }
        }
        pools.forEach(BackgroundTasks::close);
        gateway.close();
    }

    private Connections open() throws Exception {
        KeychainVault keychain;
        try {
            keychain = KeychainVault.open(Duration.ofSeconds(30));
        } catch (KeychainUnavailableException e) {
            if (REQUIRED) {
                fail("keydeck.requireKeychain=true, but no OS keychain answered: " + e.getMessage());
            }
            Assumptions.abort("No OS keychain answered (" + e.getMessage() + ")");
            throw new AssertionError("unreachable");
        }
        BackgroundTasks tasks = BackgroundTasks.pool(3);
        pools.add(tasks);
        Connections connections = AppServices.start(tasks, new SettingsStore(configDir),
                CompletableFuture.completedFuture(new VaultSelection(keychain, Optional.empty())),
                SandboxOptions.defaults().withTraffic(false).withKeys(3), Clock.systemUTC()).savedConnections();
        onFx(() -> connections.useTokenPromptIfNone(prompt));
        return connections;
    }

    @Test
    void aConnectionOpensAfterARestartWithItsTokenFromTheKeychain() throws Exception {
        String token = gateway.mintAdminJwt("keychain-check", List.of("keys:read", "keys:manage"), Duration.ofHours(1));
        ConnectionProfile profile = ConnectionProfile.create("Keychain gateway", "multiroute",
                gateway.baseUrl().toString(), EnvironmentTag.STAGING);
        Connections first = open();
        connectionId = profile.id();
        ConnectionSession added = onFx(() -> first.add(profile, token.toCharArray()));
        assertThat(added.awaitClient().tokenInfo().subject()).isEqualTo("keychain-check");
        waitUntil(30, () -> first.storedToken(profile.id()).isPresent());
        onFx(first::awaitSaved);
        onFx(first::close);
        assertThat(Files.readString(configDir.resolve("settings.json"))).contains("Keychain gateway")
                .doesNotContain(token);

        Connections again = open();
        ConnectionSession restored = onFx(() -> again.sessions().stream()
                .filter(s -> s.displayName().equals("Keychain gateway")).findFirst().orElseThrow());
        assertThat(restored.awaitClient().tokenInfo().subject()).isEqualTo("keychain-check");
        assertThat(prompt.questions()).as("nobody was asked for the token").isEmpty();

        onFx(() -> again.remove(restored));
        waitUntil(30, () -> again.storedToken(profile.id()).isEmpty());
        onFx(again::close);
    }
}
