package io.keydeck.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code keydeck completion bash|zsh|fish}: each script is loaded by the real shell and asked to complete,
 * the way the shell does at a Tab (bash: COMP_WORDS/COMP_CWORD and the registered function; zsh: the same
 * function through bashcompinit; fish: {@code complete -C}). zsh and fish tests skip when the shell is not
 * installed, unless -Dkeydeck.requireShells=true (CI) makes that a failure.
 */
class ShellCompletionTest {
    @TempDir
    Path dir;

    private Path script(String shell) throws IOException {
        CliHarness.Result result = new CliHarness(dir).run("completion", shell);
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        Path file = dir.resolve("keydeck." + shell);
        Files.writeString(file, result.out(), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void bashRegistersACompletionFunctionThatOffersCommandsOptionsAndListedValues() throws Exception {
        Path script = script("bash");
        assertThat(Files.readAllLines(script).get(0)).isEqualTo("#!/usr/bin/env bash");

        assertThat(shell("bash", "source " + script + "; complete -p keydeck"))
                .isEqualTo("complete -o default -F _complete_keydeck keydeck");
        assertThat(bashCompletes(script, "keydeck", "ke")).isEqualTo("keys");
        assertThat(bashCompletes(script, "keydeck", "keys", "l")).isEqualTo("list limit");
        assertThat(bashCompletes(script, "keydeck", "keys", "lis")).isEqualTo("list");
        assertThat(bashCompletes(script, "keydeck", "keys", "limit", "--reset", "")).isEqualTo("daily weekly monthly never");
        assertThat(bashCompletes(script, "keydeck", "keys", "list", "--st")).isEqualTo("--stale --status");
        assertThat(bashCompletes(script, "keydeck", "keys", "list", "--env", "")).isEqualTo("live test");
        assertThat(bashCompletes(script, "keydeck", "keys", "list", "--status", "")).isEqualTo("active disabled expired revoked");
        assertThat(bashCompletes(script, "keydeck", "report", "--fail-on", "")).isEqualTo("high medium low");
        assertThat(bashCompletes(script, "keydeck", "completion", "")).isEqualTo("bash zsh fish");
        assertThat(bashCompletes(script, "keydeck", "journal", "")).isEqualTo("list verify key token");
        // the token rule: no completion offers an option that would take a token
        assertThat(bashCompletes(script, "keydeck", "keys", "create", "--t")).isEqualTo("--token-env");
    }

    /** What the function registered for keydeck puts in COMPREPLY when the cursor ends the last word. */
    private static String bashCompletes(Path script, String... words) throws Exception {
        StringBuilder array = new StringBuilder();
        for (String word : words) {
            array.append(" '").append(word).append("'");
        }
        String line = String.join(" ", words);
        return shell("bash", "source " + script + " 2>/dev/null; COMP_WORDS=(" + array + "); COMP_CWORD="
                + (words.length - 1) + "; COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}; _complete_keydeck 2>/dev/null;"
                + " echo \"${COMPREPLY[*]}\"");
    }

    @Test
    void zshLoadsBashsScriptThroughBashcompinit() throws Exception {
        requireShell("zsh");
        Path script = script("zsh");
        assertThat(Files.readAllLines(script).get(0)).isEqualTo("# keydeck completion for zsh: bash's script through zsh's bashcompinit");

        String zsh = "source " + script + "; print -r -- \"${_comps[keydeck]}\"; emulate -L sh;"
                + " COMP_WORDS=(keydeck keys list --env ''); COMP_CWORD=4; COMP_LINE='keydeck keys list --env ';"
                + " COMP_POINT=${#COMP_LINE}; _complete_keydeck 2>/dev/null; print -r -- \"${COMPREPLY[*]}\"";
        assertThat(shell("zsh", "-f", "-c", zsh).lines().toList())
                .containsExactly("_bash_complete -F _complete_keydeck -o default", "live test");
    }

    @Test
    void fishCompletesCommandWordsOptionsAndListedValues() throws Exception {
        requireShell("fish");
        Path script = script("fish");
        assertThat(Files.readAllLines(script).get(0))
                .isEqualTo("# keydeck completion for fish: keydeck completion fish > ~/.config/fish/completions/keydeck.fish");

        assertThat(fishCompletes(script, "keydeck keys lis")).containsExactly("list\tList the keys of a gateway (never their secrets).");
        assertThat(fishCompletes(script, "keydeck keys list --env ")).extracting(l -> l.split("\t")[0])
                .containsExactly("live", "test");
        assertThat(fishCompletes(script, "keydeck keys list --st")).extracting(l -> l.split("\t")[0])
                .containsExactly("--stale", "--status");
        assertThat(fishCompletes(script, "keydeck connections list --")).extracting(l -> l.split("\t")[0])
                .containsExactlyInAnyOrder("--help", "--json");
        assertThat(fishCompletes(script, "keydeck completion ")).containsExactlyInAnyOrder("bash", "fish", "zsh");
    }

    private static List<String> fishCompletes(Path script, String line) throws Exception {
        return shell("fish", "-c", "function keydeck; end; source " + script + "; complete -C '" + line + "'")
                .lines().toList();
    }

    @Test
    void anUnknownShellIsAUsageError() {
        CliHarness.Result result = new CliHarness(dir).run("completion", "tcsh");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines().findFirst().orElseThrow())
                .isEqualTo("keydeck completion: the shell must be bash, zsh or fish, was \"tcsh\".");
    }

    private static void requireShell(String shell) {
        boolean present = Files.isExecutable(Path.of("/usr/bin", shell)) || Files.isExecutable(Path.of("/bin", shell));
        if (!present && Boolean.getBoolean("keydeck.requireShells")) {
            throw new AssertionError(shell + " is required here (-Dkeydeck.requireShells=true) but is not installed");
        }
        Assumptions.assumeTrue(present, shell + " is not installed: its completion script was not tried"
                + " (apt-get install " + shell + ")");
    }

    /** Runs {@code bash -c SCRIPT} (or the shell with the given arguments) and returns stdout without its last newline. */
    private static String shell(String shell, String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(shell));
        if (arguments.length == 1) {
            command.add("-c");
        }
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(shell + " finished").isTrue();
        return out.endsWith("\n") ? out.substring(0, out.length() - 1) : out;
    }
}
