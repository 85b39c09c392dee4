package io.keydeck.cli;

import io.keydeck.settings.ConnectionProfile;
import io.keydeck.settings.Settings;
import io.keydeck.vault.TokenVault;
import io.keydeck.vault.VaultException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.IOException;

/** {@code keydeck connections remove NAME}: forgets a saved connection and its token in the keychain. */
@Command(name = "remove", description = "Forget a saved connection and delete its admin token from the OS keychain.",
        footer = "Keys on the gateway are not touched.")
final class ConnectionsRemoveCommand implements Subcommand {
    @Mixin
    HelpOption help;
    @Parameters(index = "0", paramLabel = "NAME", description = "the saved connection's name")
    String name;

    @Override
    public int run(CliContext context) throws CliFailure {
        Settings settings = SavedConnections.load(context);
        ConnectionProfile profile = SavedConnections.find(settings, this.name);
        try {
            context.settings().get().update(saved -> saved.withoutConnection(profile.id()));
        } catch (IOException e) {
            throw CliFailure.local(e.getMessage());
        }
        String name = "\"" + Text.printable(profile.displayName()) + "\"";
        if (profile.demo()) {
            context.err().println("Removed " + name + "; the window will not add it back.");
            return ExitCode.OK;
        }
        try (TokenVault vault = context.vault().get().vault()) {
            vault.delete(profile.id());
            context.err().println("Removed " + name + " and its admin token from the " + vault.description() + ".");
        } catch (VaultException e) {
            context.err().println("Removed " + name + ", but its admin token could not be deleted: " + e.getMessage());
            return ExitCode.LOCAL;
        }
        return ExitCode.OK;
    }
}
