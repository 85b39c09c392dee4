package io.keydeck.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --help} works for every command and subcommand, and the launcher recognises every command word. */
class EveryCommandHasHelpTest {
    private static final List<String> COMMANDS = List.of("keys list", "keys create", "keys revoke", "connections list",
            "connections add", "connections remove", "report", "journal list", "journal verify");

    @TempDir
    Path dir;

    @Test
    void everyCommandPrintsItsOwnHelpOnStdout() {
        CliHarness cli = new CliHarness(dir);
        for (String command : COMMANDS) {
            String[] args = (command + " --help").split(" ");

            CliHarness.Result result = cli.run(args);

            assertThat(result.exit()).as(command).isZero();
            assertThat(result.err()).as(command).isEmpty();
            assertThat(result.out()).as(command).startsWith("Usage: keydeck " + command).contains("--help")
                    .contains("Exit codes:");
        }
    }

    @Test
    void groupsAndTheTopLevelListTheirCommands() {
        CliHarness cli = new CliHarness(dir);

        assertThat(cli.run("--help").out()).contains("keys list|create|revoke", "connections list|add|remove", "report",
                "journal list|verify", "sandbox");
        assertThat(cli.run("keys", "--help").out()).contains("list", "create", "revoke");
        assertThat(cli.run("connections", "-h").out()).contains("list", "add", "remove");
        assertThat(cli.run("journal", "--help").out()).contains("list", "verify");
        assertThat(cli.run("sandbox", "--help").out()).contains("Usage: keydeck sandbox");
        CliHarness.Result bare = cli.run("keys");
        assertThat(bare.exit()).isEqualTo(2);
        assertThat(bare.err()).contains("Usage: keydeck keys COMMAND");
    }

    @Test
    void gatewayCommandsDocumentBothWaysToNameAGateway() {
        CliHarness cli = new CliHarness(dir);
        for (String command : List.of("keys list", "keys create", "keys revoke", "report")) {
            assertThat(cli.run((command + " --help").split(" ")).out()).as(command)
                    .contains("--connection NAME", "--driver ID", "--base-url URL", "--token-env VAR");
        }
    }

    @Test
    void theLauncherTreatsEveryCommandWordAndEveryUnknownArgumentAsACommand() {
        for (String word : List.of("keys", "connections", "report", "journal", "sandbox", "help", "--help",
                "--version", "--theme=dark", "key", "foo", "--dark=yes", "--view")) {
            assertThat(io.keydeck.instance.WindowRequest.parse(new String[]{word})).as(word).isEmpty();
        }
        assertThat(io.keydeck.instance.WindowRequest.parse(new String[0])).isPresent();
        assertThat(io.keydeck.instance.WindowRequest.parse(new String[]{"--dark", "--view", "usage"})).isPresent();
        assertThat(io.keydeck.instance.WindowRequest.parse(new String[]{"--view", "nosuch"})).isEmpty();
    }
}
