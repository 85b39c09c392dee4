package io.keydeck.cli;

import io.keydeck.gateway.GatewayException;
import io.keydeck.model.Amount;
import io.keydeck.model.ApiKey;
import io.keydeck.model.Capability;
import io.keydeck.model.KeyUpdate;
import io.keydeck.model.LimitReset;
import io.keydeck.model.LimitSetting;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * {@code keydeck keys limit KEY --amount N --reset monthly}: sets (or with {@code --remove} takes away) a key's
 * spend limit after a confirmation that names the key and the limit, or with {@code --yes} for scripts.
 * A limit below what the key already spent stops its calls at once, so it is confirmed like a revoke.
 */
@Command(name = "limit", description = "Set or remove a key's spend limit (budget); the gateway refuses the key's"
        + " calls once it has spent that much in the period.",
        footer = {"KEY is the key's id, or its name when exactly one active key has that name.",
                "--reset says when the spend count starts over: daily, weekly, monthly, or never (a one-off budget).",
                "Without --yes you are asked to confirm at the terminal; without a terminal --yes is required.",
                "Example: keydeck keys limit ci-runner --amount 50 --reset monthly --connection Sandbox", "",
                GatewayConnection.HELP, "The action is recorded in the action journal."})
final class KeysLimitCommand implements Subcommand {
    private static final BigDecimal MAX = new BigDecimal("1000000000");

    @Mixin
    HelpOption help;
    @Mixin
    GatewayConnection.Options gateway;
    @Option(names = "--amount", paramLabel = "N", description = "the most the key may spend per period, e.g. 50 or 12.50")
    String amount;
    @Option(names = "--unit", paramLabel = "USD|credits", description = "the unit of --amount (default USD)")
    String unit;
    @Option(names = "--reset", paramLabel = "daily|weekly|monthly|never", completionCandidates = Choices.Reset.class,
            description = "when the spend count starts over")
    String reset;
    @Option(names = "--remove", description = "take the key's spend limit away")
    boolean remove;
    @Option(names = "--yes", description = "set the limit without asking (for scripts)")
    boolean yes;
    @Parameters(index = "0", paramLabel = "KEY", description = "the key's id or name")
    String keyOperand;

    @Override
    public int run(CliContext context) throws CliFailure {
        LimitSetting setting = setting();
        if (!yes && !context.prompter().interactive()) {
            throw CliFailure.usage("changing a limit needs a confirmation: pass --yes, or run the command in a"
                    + " terminal to be asked.");
        }
        try (GatewayConnection gateway = GatewayConnection.open(this.gateway, context)) {
            if (!gateway.client().driver().capabilities().contains(Capability.EDIT_LIMITS)) {
                throw new CliFailure(ExitCode.GATEWAY, Text.printable(
                        gateway.client().driver().unsupportedReason(Capability.EDIT_LIMITS)) + " Nothing was sent.");
            }
            ApiKey key = KeyLookup.find(gateway, keyOperand, "limit");
            String described = "\"" + Text.printable(key.name()) + "\" (" + key.hint() + ", id " + key.id() + ")";
            if (key.revoked()) {
                throw new CliFailure(ExitCode.GATEWAY, "Key " + described + " is revoked; its limit cannot be changed.");
            }
            if (!yes && !confirmed(context, key, described, setting, gateway.label())) {
                context.err().println("Limit not changed.");
                return ExitCode.OK;
            }
            ApiKey after;
            try {
                after = JournalRecording.actions(context).update(gateway.client(), gateway.label(), key,
                        KeyUpdate.limit(setting));
            } catch (GatewayException e) {
                throw CliFailure.of(e);
            }
            String now = after.account().limitText();
            context.err().println((setting.removes() ? "Removed the spend limit of key " : "Set the spend limit of key ")
                    + described + (setting.removes() ? "" : " to " + setting.display()) + " on "
                    + Text.printable(gateway.label()) + (now.isEmpty() ? "" : "; the gateway now reports: " + now)
                    + gateway.client().lastRequestId().map(id -> " (request id " + id + ")").orElse("") + ".");
            return ExitCode.OK;
        }
    }

    /** The options as one limit, checked before anything is sent. */
    LimitSetting setting() throws CliFailure {
        if (remove) {
            if (amount != null || reset != null || unit != null) {
                throw CliFailure.usage("--remove takes the limit away; give it without --amount, --unit or --reset.");
            }
            return LimitSetting.REMOVE;
        }
        if (amount == null || reset == null) {
            throw CliFailure.usage("give --amount N and --reset daily|weekly|monthly|never (or --remove).");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(amount.strip());
        } catch (NumberFormatException e) {
            throw CliFailure.usage("--amount must be a number such as 50 or 12.50, was \"" + Text.printable(amount)
                    + "\".");
        }
        if (value.signum() < 0 || value.compareTo(MAX) > 0 || value.scale() > 6) {
            throw CliFailure.usage("--amount must be from 0 to 1000000000 with at most 6 decimals, was "
                    + Text.printable(amount.strip()) + ".");
        }
        try {
            return new LimitSetting(new Amount(value, unit), LimitReset.parse(reset));
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage((e.getMessage().startsWith("reset") ? "--" : "--unit: ")
                    + Text.printable(e.getMessage()) + ".");
        }
    }

    private static boolean confirmed(CliContext context, ApiKey key, String described, LimitSetting setting,
                                     String connection) {
        String current = key.account().limitText();
        String question = setting.removes()
                ? "Remove the spend limit of key " + described + " on " + Text.printable(connection) + "?"
                + "\nIt can then spend without a budget."
                : "Set the spend limit of key " + described + " on " + Text.printable(connection) + " to "
                + setting.display() + (current.isEmpty() ? "" : " (now: " + current + ")") + "?"
                + "\nOnce it has spent that much in the period, the gateway refuses its calls.";
        String answer = context.prompter().readLine(question + " Type yes to go ahead: ");
        return answer != null && answer.strip().toLowerCase(Locale.ROOT).equals("yes");
    }
}
