package io.keydeck.cli;

import io.keydeck.gateway.GatewayDriver;
import io.keydeck.journal.ActionJournal;
import io.keydeck.settings.SettingsStore;
import io.keydeck.vault.VaultSelection;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run builds only the command its words name (start-up, issue 22), and answers exactly as the whole
 * tree does: help, a missing or unknown option, an unknown command, "did you mean", exit codes.
 */
class OnlyTheNamedCommandIsBuiltTest {
    @Test
    void theWordsOfACommandBuildOnlyThatCommand() {
        CommandLine root = KeyDeckCli.commandLine(List.of("keys", "list", "--json"));
        assertThat(root.getSubcommands().keySet()).containsExactly("keys");
        assertThat(root.getSubcommands().get("keys").getSubcommands().keySet()).containsExactly("list");

        assertThat(KeyDeckCli.commandLine(List.of("report", "--json")).getSubcommands().keySet())
                .containsExactly("report");
        assertThat(KeyDeckCli.commandLine(List.of("keys", "lst")).getSubcommands().get("keys").getSubcommands())
                .as("an unknown word builds the whole group, for its help and suggestions").hasSize(4);
        assertThat(KeyDeckCli.commandLine(List.of("help", "keys")).getSubcommands())
                .as("help walks the whole tree").hasSameSizeAs(KeyDeckCli.commandLine().getSubcommands());
        assertThat(KeyDeckCli.commandLine(List.of("completion", "bash")).getSubcommands())
                .as("completion writes the whole tree out").hasSameSizeAs(KeyDeckCli.commandLine().getSubcommands());
        assertThat(KeyDeckCli.commandLine(List.of("--version")).getSubcommands())
                .hasSameSizeAs(KeyDeckCli.commandLine().getSubcommands());
    }

    @Test
    void everyCommandAnswersAsWithTheWholeTree() {
        List<List<String>> runs = new ArrayList<>();
        CommandLine whole = KeyDeckCli.commandLine();
        for (Map.Entry<String, CommandLine> top : whole.getSubcommands().entrySet()) {
            String first = top.getKey();
            runs.add(List.of(first, "--help"));
            runs.add(List.of(first, "--no-such-option"));
            runs.add(List.of(first, "nosuchword"));
            for (String second : top.getValue().getSubcommands().keySet()) {
                runs.add(List.of(first, second, "--help"));
                runs.add(List.of(first, second, "--no-such-option"));
                runs.add(List.of(first, second, "--jsn"));
                runs.add(List.of(first, second.substring(0, second.length() - 1)));
            }
        }
        runs.add(List.of("kyes", "list"));
        runs.add(List.of("help", "keys", "list"));
        runs.add(List.of("help", "nosuch"));
        runs.add(List.of("--version"));
        runs.add(List.of("keys", "revoke"));
        runs.add(List.of("completion", "tcsh"));
        runs.add(List.of("completion", "bash")); // the scripts describe the whole tree either way
        runs.add(List.of("completion", "fish"));
        for (List<String> args : runs) {
            if (args.get(0).equals("sandbox")) {
                continue; // its own parser, before picocli (KeyDeckCli.run)
            }
            assertThat(answer(args, KeyDeckCli.commandLine(args)))
                    .as("keydeck %s", String.join(" ", args))
                    .isEqualTo(answer(args, KeyDeckCli.commandLine()));
        }
        assertThat(runs).hasSizeGreaterThan(50);
    }

    /** Exit code, stdout and stderr of one run against a given tree, without a gateway or settings. */
    private static String answer(List<String> args, CommandLine root) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Supplier<Object> untouched = () -> {
            throw new AssertionError("keydeck " + String.join(" ", args) + " got past parsing");
        };
        CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), name -> null, Prompter.console(),
                () -> (SettingsStore) untouched.get(), () -> (VaultSelection) untouched.get(),
                () -> (ActionJournal) untouched.get(), GatewayDriver::installed, Clock.systemUTC());
        int code = KeyDeckCli.parseAndRun(args.toArray(String[]::new), context, root);
        return code + "\n--- out\n" + out.toString(StandardCharsets.UTF_8) + "--- err\n"
                + err.toString(StandardCharsets.UTF_8);
    }
}
