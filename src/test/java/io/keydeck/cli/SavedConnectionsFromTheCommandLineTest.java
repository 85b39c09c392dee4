package io.keydeck.cli;

import io.keydeck.settings.ConnectionProfile;
import io.keydeck.settings.EnvironmentTag;
import io.keydeck.settings.Settings;
import io.keydeck.sandbox.SandboxOptions;
import io.keydeck.vault.SessionVault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code keydeck connections add|list|remove} and using a saved connection by name. */
class SavedConnectionsFromTheCommandLineTest {
    @RegisterExtension
    static final SandboxForCli sandbox = new SandboxForCli(SandboxOptions.defaults().withTraffic(false).withKeys(5));

    @TempDir
    Path dir;
    private CliHarness cli;

    @BeforeEach
    void harness() {
        cli = sandbox.harness(dir);
    }

    private CliHarness.Result addLocal(String name) {
        return cli.run("connections", "add", "--name", name, "--driver", "multiroute", "--base-url",
                sandbox.baseUrl().toString(), "--tag", "staging", "--token-env", "KD_TEST_TOKEN");
    }

    @Test
    void anAddedConnectionKeepsItsTokenOnlyInTheKeychainAndWorksByName() throws Exception {
        CliHarness.Result added = addLocal("Local gateway");

        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(added.out()).isEmpty();
        Settings settings = cli.settings().load().settings();
        ConnectionProfile profile = settings.connections().get(0);
        assertThat(profile.displayName()).isEqualTo("Local gateway");
        assertThat(profile.environmentTag()).isEqualTo(EnvironmentTag.STAGING);
        assertThat(cli.keychain.read(profile.id())).hasValueSatisfying(t -> assertThat(new String(t)).isEqualTo(sandbox.adminToken()));
        assertThat(Files.readString(cli.settings().file())).doesNotContain(sandbox.adminToken());

        cli.env.clear();
        CliHarness.Result listed = cli.run("keys", "list", "--connection", "local GATEWAY");
        assertThat(listed.exit()).as(listed.err()).isZero();
        assertThat(listed.outLines()).hasSize(sandbox.keyCount() + 1 - revokedCount());

        CliHarness.Result connections = cli.run("connections", "list");
        assertThat(connections.out()).containsPattern("Local gateway\\s+multiroute\\s+" + sandbox.baseUrl() + "\\s+Staging");
    }

    private int revokedCount() {
        CliHarness.Result all = cli.run("keys", "list", "--connection", "Local gateway", "--all");
        return (int) all.out().lines().filter(l -> l.contains(" revoked ")).count();
    }

    @Test
    void removingAConnectionForgetsItAndItsToken() {
        addLocal("Temp");
        String id = cli.settings().load().settings().connections().get(0).id();

        CliHarness.Result removed = cli.run("connections", "remove", "temp");

        assertThat(removed.exit()).as(removed.err()).isZero();
        assertThat(cli.settings().load().settings().connections()).isEmpty();
        assertThat(cli.keychain.read(id)).isEmpty();
        assertThat(cli.run("keys", "list", "--connection", "Temp").exit()).isEqualTo(2);
    }

    @Test
    void theTokenIsAskedForWithoutEchoWhenNoVariableIsNamed() {
        cli.interactive = true;
        cli.answers.add(sandbox.adminToken());

        CliHarness.Result added = cli.run("connections", "add", "--name", "Typed", "--driver", "multiroute",
                "--base-url", sandbox.baseUrl().toString());

        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(cli.prompts).singleElement().asString().contains("Admin token for \"Typed\"");
        assertThat(added.out() + added.err()).doesNotContain(sandbox.adminToken());
        assertThat(cli.run("keys", "list", "--connection", "Typed").exit()).isZero();
    }

    @Test
    void withoutAKeychainNothingIsSaved() {
        cli.vault = new SessionVault();
        cli.vaultUnavailable = Optional.of("there is no D-Bus session bus");

        CliHarness.Result added = addLocal("Nowhere");

        assertThat(added.exit()).isEqualTo(5);
        assertThat(added.err()).contains("cannot be kept").contains("D-Bus").contains("nothing was saved")
                .contains("--token-env on each command");
        assertThat(cli.settings().load().settings().connections()).isEmpty();
    }

    @Test
    void invalidConnectionsAreRefusedWithTheFormsMessages() {
        addLocal("Dup");

        CliHarness.Result duplicate = addLocal("dup");
        CliHarness.Result remoteHttp = cli.run("connections", "add", "--name", "Remote", "--driver", "multiroute",
                "--base-url", "http://gateway.example.com", "--token-env", "KD_TEST_TOKEN");
        CliHarness.Result noTerminal = cli.run("connections", "add", "--name", "Quiet", "--driver", "multiroute",
                "--base-url", sandbox.baseUrl().toString());

        assertThat(duplicate.exit()).isEqualTo(2);
        assertThat(duplicate.err()).contains("already called \"dup\"");
        assertThat(remoteHttp.exit()).isEqualTo(2);
        assertThat(remoteHttp.err()).contains("Plain http:// is only allowed");
        assertThat(noTerminal.exit()).isEqualTo(2);
        assertThat(noTerminal.err()).contains("no terminal to ask for the admin token");
        assertThat(cli.settings().load().settings().connections()).hasSize(1);
    }

    @Test
    void theWindowsDemoConnectionIsExplainedNotUsed() throws Exception {
        cli.settings().save(Settings.DEFAULTS.withDemoConnectionIfEmpty());

        CliHarness.Result result = cli.run("keys", "list", "--connection", ConnectionProfile.SANDBOX_NAME);

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("sandbox built into the KeyDeck window").contains("keydeck sandbox")
                .contains("--driver multiroute --base-url http://127.0.0.1:");
    }

    @Test
    void aSavedConnectionWithoutAStoredTokenIsAnAuthenticationProblem() throws Exception {
        ConnectionProfile profile = ConnectionProfile.create("Empty", "multiroute", sandbox.baseUrl().toString(),
                EnvironmentTag.DEVELOPMENT);
        cli.settings().save(Settings.DEFAULTS.withConnection(profile));

        CliHarness.Result withoutToken = cli.run("keys", "list", "--connection", "Empty");
        CliHarness.Result withEnvironment = cli.run("keys", "list", "--connection", "Empty", "--token-env", "KD_TEST_TOKEN");

        assertThat(withoutToken.exit()).isEqualTo(3);
        assertThat(withoutToken.err()).contains("no admin token for \"Empty\"").contains("--token-env");
        assertThat(withEnvironment.exit()).as(withEnvironment.err()).isZero();
    }
}
