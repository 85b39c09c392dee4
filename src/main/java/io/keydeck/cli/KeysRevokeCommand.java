package io.keydeck.cli;

import io.keydeck.gateway.GatewayException;
import io.keydeck.model.ApiKey;
import io.keydeck.model.RevokeResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Locale;

/**
 * {@code keydeck keys revoke KEY}: revokes one key after a confirmation that names it (name and
 * {@code prefix…last4}), or with {@code --yes} for scripts. Revoking cannot be undone.
 */
@Command(name = "revoke", description = "Revoke a key; apps using it stop working at once. Cannot be undone.",
        footer = {"KEY is the key's id, or its name when exactly one active key has that name.",
                "Without --yes you are asked to confirm at the terminal; without a terminal --yes is required.", "",
                GatewayConnection.HELP, "The action is recorded in the action journal."})
final class KeysRevokeCommand implements Subcommand {
    @Mixin
    HelpOption help;
    @Mixin
    GatewayConnection.Options gateway;
    @Option(names = "--yes", description = "revoke without asking (for scripts)")
    boolean yes;
    @Parameters(index = "0", paramLabel = "KEY", description = "the key's id or name")
    String keyOperand;

    @Override
    public int run(CliContext context) throws CliFailure {
        String wanted = keyOperand;
        if (!yes && !context.prompter().interactive()) {
            throw CliFailure.usage("revoking needs a confirmation: pass --yes, or run the command in a terminal"
                    + " to be asked.");
        }
        try (GatewayConnection gateway = GatewayConnection.open(this.gateway, context)) {
            ApiKey key = KeyLookup.find(gateway, wanted, "revoke");
            String described = "\"" + Text.printable(key.name()) + "\" (" + key.hint() + ", id " + key.id() + ")";
            if (key.revoked()) {
                context.err().println("Key " + described + " is already revoked; nothing to do.");
                return ExitCode.OK;
            }
            if (!yes && !confirmed(context, described, gateway.label())) {
                context.err().println("Not revoked.");
                return ExitCode.OK;
            }
            RevokeResult result;
            try {
                result = JournalRecording.actions(context).revoke(gateway.client(), gateway.label(), key);
            } catch (GatewayException e) {
                throw CliFailure.of(e);
            }
            if (!result.revoked()) {
                throw new CliFailure(ExitCode.GATEWAY, "the gateway answered but did not revoke key " + described
                        + (result.requestId() == null ? "." : " — request id " + result.requestId() + "."));
            }
            context.err().println("Revoked key " + described + " on " + Text.printable(gateway.label()) + ".");
            return ExitCode.OK;
        }
    }

    private static boolean confirmed(CliContext context, String described, String connection) {
        String answer = context.prompter().readLine("Revoke key " + described + " on " + Text.printable(connection)
                + "?\nApps using it stop working at once; this cannot be undone. Type yes to revoke: ");
        return answer != null && answer.strip().toLowerCase(Locale.ROOT).equals("yes");
    }
}
