package io.keydeck.cli;

import io.keydeck.gateway.GatewayDriver;
import io.keydeck.settings.ConnectionProfile;
import io.keydeck.settings.EnvironmentTag;
import io.keydeck.settings.ProfileProblem;
import io.keydeck.settings.Settings;
import io.keydeck.vault.TokenVault;
import io.keydeck.vault.VaultException;
import io.keydeck.vault.VaultSelection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
@Command(name = "add", description = "Save a connection; its admin token goes into the OS keychain, nowhere else.",
        footer = {"Without an OS keychain the token could not be kept, so nothing is saved; use --driver/--base-url with",
                "--token-env on each command instead."})
final class ConnectionsAddCommand implements Subcommand {
    @Mixin
    HelpOption help;
    @Option(names = "--name", paramLabel = "NAME", required = true, description = "what to call it (unique)")
    String name;
    @Option(names = "--driver", paramLabel = "ID", required = true, description = "the gateway's driver, e.g."
            + " multiroute")
    String driver;
    @Option(names = "--base-url", paramLabel = "URL", required = true, description = "the gateway's base URL")
    String baseUrl;
    @Option(names = "--tag", paramLabel = "TAG", completionCandidates = Choices.Tag.class,
            description = "production (default), staging or development")
    String tag;
    @Option(names = "--token-env", paramLabel = "VAR", description = "read the admin token from environment variable"
            + " VAR; otherwise it is asked for at the terminal without echo")
    String tokenEnv;

    @Override
    public int run(CliContext context) throws CliFailure {
        Settings settings = SavedConnections.load(context);
        ConnectionProfile profile = ConnectionProfile.create(name, driver, baseUrl, tag());
        Set<String> drivers = context.drivers().get().stream().map(GatewayDriver::id).collect(Collectors.toSet());
        List<ProfileProblem> problems = profile.problems(settings.connections(), drivers);
        if (!problems.isEmpty()) {
            throw CliFailure.usage(problems.stream().map(ProfileProblem::message).collect(Collectors.joining(" ")));
        }
        VaultSelection selection = context.vault().get();
        char[] token = new char[0];
        try (TokenVault vault = selection.vault()) {
            if (!vault.remembersAcrossRestarts()) {
                throw CliFailure.local(selection.cannotKeep("admin token")
                        + " Without a keychain, use --driver/--base-url with --token-env on each command instead.");
            }
            token = token(context, profile.displayName());
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

    /** Checked against the choices before this runs. */
    private EnvironmentTag tag() {
        return EnvironmentTag.valueOf((tag == null ? "production" : tag).strip().toUpperCase(Locale.ROOT));
    }

    private char[] token(CliContext context, String shownName) throws CliFailure {
        if (tokenEnv != null) {
            return GatewayConnection.tokenFromEnvironment(context, tokenEnv);
        }
        if (!context.prompter().interactive()) {
            throw CliFailure.usage("there is no terminal to ask for the admin token; pass --token-env VAR.");
        }
        char[] typed = context.prompter().readSecret("Admin token for \"" + Text.printable(shownName) + "\" (not shown): ");
        if (typed == null || typed.length == 0) {
            throw CliFailure.usage("no admin token was entered; nothing was saved.");
        }
        return typed;
    }
}
