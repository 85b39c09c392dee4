package io.keydeck.cli;

import io.keydeck.gateway.GatewayDriver;
import io.keydeck.journal.ActionJournal;
import io.keydeck.settings.SettingsStore;
import io.keydeck.vault.TokenVault;
import io.keydeck.vault.VaultSelection;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs the real command line in-process with captured stdout/stderr, a fake environment, scripted
 * terminal answers, an in-memory keychain and settings and journal in a temporary directory.
 */
final class CliHarness {
    record Result(int exit, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }

    final Map<String, String> env = new HashMap<>();
    final MemoryKeychain keychain = new MemoryKeychain();
    final List<String> prompts = new ArrayList<>();
    final List<String> answers = new ArrayList<>();
    boolean interactive;
    /** Stdout fails every write, like a closed pipe. */
    boolean stdoutBroken;
    /** Why the OS keychain did not answer; empty: it did (or {@link #vault} is a keychain). */
    Optional<String> vaultUnavailable = Optional.empty();
    TokenVault vault = keychain;
    private final Path dir;

    CliHarness(Path dir) {
        this.dir = dir;
    }

    /** The data dir's journal, its signing key and anchor kept in this harness's keychain, as the real CLI does. */
    ActionJournal journal() {
        return ActionJournal.open(dir.resolve("data").resolve(ActionJournal.FILE_NAME),
                CliContext.keyring(() -> selection()));
    }

    SettingsStore settings() {
        return new SettingsStore(dir.resolve("config"));
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream outStream = stdoutBroken
                ? new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8) {
                    @Override
                    public boolean checkError() {
                        return true;
                    }
                }
                : new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        CliContext context = new CliContext(outStream, errStream, env::get, prompter(), this::settings,
                () -> selection(), this::journal, GatewayDriver::installed, Clock.systemUTC());
        int exit = KeyDeckCli.run(args, context);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Prompter prompter() {
        if (!interactive) {
            return Prompter.NONE;
        }
        return new Prompter() {
            @Override
            public boolean interactive() {
                return true;
            }

            @Override
            public char[] readSecret(String prompt) {
                String answer = readLine(prompt);
                return answer == null ? null : answer.toCharArray();
            }

            @Override
            public String readLine(String prompt) {
                prompts.add(prompt);
                return answers.isEmpty() ? null : answers.remove(0);
            }
        };
    }

    /** A keychain that "remembers across restarts", kept in memory for the test. */
    static final class MemoryKeychain implements TokenVault {
        final Map<String, char[]> tokens = new ConcurrentHashMap<>();

        @Override
        public void store(String connectionId, char[] token) {
            tokens.put(connectionId, token.clone());
        }

        @Override
        public Optional<char[]> read(String connectionId) {
            return Optional.ofNullable(tokens.get(connectionId)).map(char[]::clone);
        }

        @Override
        public void delete(String connectionId) {
            tokens.remove(connectionId);
        }

        /** False: behaves like a keychain that cannot list its items (macOS, Windows through java-keyring). */
        java.util.function.Supplier<Boolean> canList = () -> true;

        @Override
        public Optional<java.util.Set<String>> storedIds() {
            return canList.get() ? Optional.of(java.util.Set.copyOf(tokens.keySet())) : Optional.empty();
        }

        @Override
        public boolean remembersAcrossRestarts() {
            return true;
        }

        @Override
        public String description() {
            return "test keychain";
        }
    }

    private VaultSelection selection() {
        return new VaultSelection(vault, vaultUnavailable.map(why -> "No OS keychain answered (" + why
                + "); tokens are kept for this session only."), vaultUnavailable);
    }
}
