package io.keydeck.cli;

import io.keydeck.settings.ConnectionProfile;
import io.keydeck.settings.Settings;
import io.keydeck.vault.TokenVault;
import io.keydeck.vault.VaultException;

import java.io.IOException;
import java.util.List;

/** {@code keydeck connections remove NAME}: forgets a saved connection and its token in the keychain. */
final class ConnectionsRemoveCommand implements Subcommand {
    private static final CommandSpec SPEC = new CommandSpec("connections remove",
            "Forget a saved connection and delete its admin token from the OS keychain.", "NAME", 1, 1, List.of(),
            "Keys on the gateway are not touched.");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(ParsedArgs args, CliContext context) throws CliFailure {
        Settings settings = SavedConnections.load(context);
        ConnectionProfile profile = SavedConnections.find(settings, args.operands().get(0));
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
