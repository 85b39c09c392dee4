package io.keydeck.cli;

import io.keydeck.gateway.GatewayDriver;
import io.keydeck.settings.ConnectionProfile;
import io.keydeck.settings.EnvironmentTag;
import io.keydeck.settings.ProfileProblem;
import io.keydeck.settings.Settings;
import io.keydeck.vault.TokenVault;
import io.keydeck.vault.VaultException;
import io.keydeck.vault.VaultSelection;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code keydeck connections add}: saves a connection for the window and the command line. Its admin
 * token goes only into the OS keychain, read from {@code --token-env VAR} or typed without echo.
 */
final class ConnectionsAddCommand implements Subcommand {
    private static final CommandSpec SPEC = new CommandSpec("connections add",
            "Save a connection; its admin token goes into the OS keychain, nowhere else.", "", 0, 0, List.of(
            OptionSpec.value("--name", "NAME", "what to call it (required, unique)"),
            OptionSpec.value("--driver", "ID", "the gateway's driver, e.g. multiroute (required)"),
            OptionSpec.value("--base-url", "URL", "the gateway's base URL (required)"),
            OptionSpec.value("--tag", "TAG", "production (default), staging or development"),
            OptionSpec.value("--token-env", "VAR", "read the admin token from environment variable VAR;"
                    + " otherwise it is asked for at the terminal without echo")),
            "Without an OS keychain the token could not be kept, so nothing is saved; use --driver/--base-url with"
                    + "\n--token-env on each command instead.");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(ParsedArgs args, CliContext context) throws CliFailure {
        Settings settings = SavedConnections.load(context);
        ConnectionProfile profile = ConnectionProfile.create(args.required("--name"), args.required("--driver"),
                args.required("--base-url"), tag(args));
        Set<String> drivers = context.drivers().get().stream().map(GatewayDriver::id).collect(Collectors.toSet());
        List<ProfileProblem> problems = profile.problems(settings.connections(), drivers);
        if (!problems.isEmpty()) {
            throw CliFailure.usage(problems.stream().map(ProfileProblem::message).collect(Collectors.joining(" ")));
        }
        VaultSelection selection = context.vault().get();
        char[] token = new char[0];
        try (TokenVault vault = selection.vault()) {
            if (!vault.remembersAcrossRestarts()) {
                throw CliFailure.local("the admin token cannot be kept: " + selection.notice().orElse(vault.description())
                        + " Nothing was saved; use --driver/--base-url with --token-env on each command instead.");
            }
            token = token(args, context, profile.displayName());
            vault.store(profile.id(), token);
            try {
                context.settings().get().update(saved -> saved.withConnection(profile));
            } catch (IOException e) {
                vault.delete(profile.id());
                throw CliFailure.local(e.getMessage());
            }
            context.err().println("Saved connection \"" + Text.printable(profile.displayName()) + "\" ("
                    + profile.driverId() + ", " + profile.baseUrl() + ", " + profile.environmentTag().label()
                    + "); its admin token is in the " + vault.description() + ".");
            return ExitCode.OK;
        } catch (VaultException e) {
            throw CliFailure.local(e.getMessage());
        } finally {
            Arrays.fill(token, '\0');
        }
    }

    private static EnvironmentTag tag(ParsedArgs args) throws CliFailure {
        String tag = args.value("--tag").orElse("production").strip().toUpperCase(Locale.ROOT);
        try {
            return EnvironmentTag.valueOf(tag);
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage("--tag must be production, staging or development, was \""
                    + Text.printable(args.value("--tag").orElse("")) + "\".");
        }
    }

    private static char[] token(ParsedArgs args, CliContext context, String name) throws CliFailure {
        if (args.has("--token-env")) {
            return GatewayConnection.tokenFromEnvironment(context, args.value("--token-env").orElseThrow());
        }
        if (!context.prompter().interactive()) {
            throw CliFailure.usage("there is no terminal to ask for the admin token; pass --token-env VAR.");
        }
        char[] typed = context.prompter().readSecret("Admin token for \"" + Text.printable(name) + "\" (not shown): ");
        if (typed == null || typed.length == 0) {
            throw CliFailure.usage("no admin token was entered; nothing was saved.");
        }
        return typed;
    }
}
