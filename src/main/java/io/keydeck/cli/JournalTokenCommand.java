package io.keydeck.cli;

import io.keydeck.journal.ForwardingTarget;
import io.keydeck.vault.TokenVault;
import io.keydeck.vault.VaultException;
import io.keydeck.vault.VaultSelection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Arrays;

/**
 * {@code keydeck journal token}: keeps (or with {@code --clear} forgets) the access token of the HTTPS log
 * collector the journal is forwarded to, in the OS keychain only: never in settings, never on the command line.
 */
@Command(name = "token", description = "Keep the log collector's access token in the OS keychain (or --clear it).",
        footer = """
                Splunk HEC gets it as 'Authorization: Splunk TOKEN'; an OpenTelemetry collector as
                'Authorization: Bearer TOKEN', or in the header named by journalForwarding.tokenHeader in the
                settings file. Syslog sends no token.""")
final class JournalTokenCommand implements Subcommand {
    @Mixin
    HelpOption help;
    @Option(names = "--token-env", paramLabel = "VAR", description = "read the token from environment variable VAR;"
            + " otherwise it is asked for at the terminal without echo")
    String tokenEnv;
    @Option(names = "--clear", description = "forget the token kept in the keychain")
    boolean clear;

    @Override
    public int run(CliContext context) throws CliFailure {
        if (clear && tokenEnv != null) {
            throw CliFailure.usage("--clear and --token-env cannot be used together.");
        }
        VaultSelection selection = context.vault().get();
        char[] token = new char[0];
        try (TokenVault vault = selection.vault()) {
            if (clear) {
                vault.delete(ForwardingTarget.TOKEN_ACCOUNT);
                context.err().println("The log collector's token is no longer kept in the " + vault.description() + ".");
                return ExitCode.OK;
            }
            if (!vault.remembersAcrossRestarts()) {
                throw CliFailure.local(selection.cannotKeep("collector token"));
            }
            token = token(context);
            vault.store(ForwardingTarget.TOKEN_ACCOUNT, token);
            context.err().println("The log collector's token is kept in the " + vault.description()
                    + "; journal entries are sent with it from now on.");
            return ExitCode.OK;
        } catch (VaultException e) {
            throw CliFailure.local(e.getMessage());
        } finally {
            Arrays.fill(token, '\0');
        }
    }

    private char[] token(CliContext context) throws CliFailure {
        char[] token;
        if (tokenEnv != null) {
            token = GatewayConnection.tokenFromEnvironment(context, tokenEnv);
        } else if (!context.prompter().interactive()) {
            throw CliFailure.usage("there is no terminal to ask for the collector token; pass --token-env VAR.");
        } else {
            token = context.prompter().readSecret("Log collector token (not shown): ");
        }
        if (token == null || token.length == 0) {
            throw CliFailure.usage("no collector token was given; nothing was saved.");
        }
        String problem = ForwardingTarget.tokenProblem(token);
        if (problem != null) {
            Arrays.fill(token, '\0');
            throw CliFailure.usage(problem + " Nothing was saved.");
        }
        return token;
    }
}
