package io.keydeck.cli;

import io.keydeck.gateway.GatewayDriver;
import io.keydeck.journal.ActionJournal;
import io.keydeck.journal.JournalKeyring;
import io.keydeck.session.GatewayOpener;
import io.keydeck.settings.SettingsStore;
import io.keydeck.vault.VaultSelection;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Everything a command touches outside its arguments — streams, environment variables, the
 * terminal, settings, keychain, journal, drivers and clock — passed in, so tests run the real
 * commands against temporary directories and a fake environment.
 *
 * @param env     looks up an environment variable (null when unset)
 * @param vault   opened only when a command needs a token from the keychain
 * @param drivers the installed gateway drivers
 */
record CliContext(PrintStream out, PrintStream err, Function<String, String> env, Prompter prompter,
                  Supplier<SettingsStore> settings, Supplier<VaultSelection> vault, Supplier<ActionJournal> journal,
                  Supplier<List<GatewayDriver>> drivers, Clock clock) {
    CliContext {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(prompter, "prompter");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(vault, "vault");
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(drivers, "drivers");
        Objects.requireNonNull(clock, "clock");
    }

    /** The real thing: process environment, the console, the platform directories and the OS keychain. */
    static CliContext system(PrintStream out, PrintStream err) {
        return new CliContext(out, err, System::getenv, Prompter.console(), SettingsStore::inConfigDir,
                VaultSelection::choose, () -> ActionJournal.inDataDir(keyring(VaultSelection::choose)),
                GatewayDriver::installed, Clock.systemUTC());
    }

    /** The journal's signing key and anchor go where admin tokens go: the vault chosen when first needed. */
    static JournalKeyring keyring(Supplier<VaultSelection> vault) {
        return GatewayOpener.journalKeyring(() -> vault.get().vault());
    }
}
