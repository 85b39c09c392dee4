package io.keydeck.cli;

import io.keydeck.gateway.GatewayException;
import io.keydeck.model.IssuedSecret;
import io.keydeck.model.KeyEnvironment;
import io.keydeck.model.NewKeyRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@code keydeck keys create}: makes a key and prints its secret — the only thing this command
 * writes to stdout, exactly once — so {@code SECRET=$(keydeck keys create …)} captures just the key.
 */
@Command(name = "create", description = "Create a key; its secret is printed once on stdout, everything else goes to"
        + " stderr.",
        footer = {GatewayConnection.HELP,
                "Example: KEY=$(keydeck keys create --connection Prod --name ci-bot --scope chat:write)",
                "The action is recorded in the action journal (see 'keydeck journal verify')."})
final class KeysCreateCommand implements Subcommand {
    @Mixin
    HelpOption help;
    @Mixin
    GatewayConnection.Options gateway;
    @Option(names = "--name", paramLabel = "NAME", required = true, description = "the key's name")
    String name;
    @Option(names = "--scope", paramLabel = "SCOPE", description = "a scope to grant, e.g. chat:write; commas allowed"
            + " (repeatable)")
    List<String> scope = new ArrayList<>();
    @Option(names = "--env", paramLabel = "live|test", completionCandidates = Choices.Environment.class,
            description = "environment of the key (default live)")
    String env;
    @Option(names = "--expires-in", paramLabel = "DAYS", description = "the key expires after DAYS days (or 90s, 12h,"
            + " 30d)")
    String expiresIn;
    @Option(names = "--expires", paramLabel = "DATE", description = "the key expires at DATE (2027-01-31 or an ISO"
            + " instant)")
    String expires;

    @Override
    public int run(CliContext context) throws CliFailure {
        String keyName = name.strip();
        if (keyName.isEmpty()) {
            throw CliFailure.usage("--name must not be empty.");
        }
        NewKeyRequest request = new NewKeyRequest(keyName, scopes(), environment(), expiry(context));
        try (GatewayConnection gateway = GatewayConnection.open(this.gateway, context)) {
            IssuedSecret issued;
            try {
                issued = JournalRecording.actions(context).create(gateway.client(), gateway.label(), request,
                        UUID.randomUUID().toString(), Set.of());
            } catch (GatewayException e) {
                throw CliFailure.of(e);
            }
            try (issued) {
                context.out().println(issued.secret());
                context.out().flush();
            }
            issued.warning().ifPresent(w -> context.err().println("keydeck: warning: " + Text.printable(w)));
            if (context.out().checkError()) {
                throw CliFailure.local("the key \"" + Text.printable(issued.key().name()) + "\" (id " + issued.key().id()
                        + ") was created but its secret could not be written to stdout, and the gateway will not show"
                        + " it again. Revoke that key and create another.");
            }
            context.err().println("Created key \"" + Text.printable(issued.key().name()) + "\" ("
                    + Text.printable(issued.key().hint()) + ", id " + Text.printable(issued.key().id()) + ") on " + Text.printable(gateway.label())
                    + ". Its secret above is shown only this once: store it now.");
            return ExitCode.OK;
        }
    }

    private List<String> scopes() {
        return scope.stream()
                .flatMap(s -> Arrays.stream(s.split(",")))
                .map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** Checked against the choices before this runs. */
    private KeyEnvironment environment() {
        return "test".equalsIgnoreCase(env == null ? "" : env.strip()) ? KeyEnvironment.TEST : KeyEnvironment.LIVE;
    }

    /** "30" or "30d" days, "12h", "45m", "90s" (OpenAI takes an Admin key's expiry to the second). */
    private static java.time.Duration expiresIn(String text) {
        if (text.isEmpty()) {
            throw new NumberFormatException();
        }
        ChronoUnit unit = switch (text.charAt(text.length() - 1)) {
            case 's' -> ChronoUnit.SECONDS;
            case 'm' -> ChronoUnit.MINUTES;
            case 'h' -> ChronoUnit.HOURS;
            default -> ChronoUnit.DAYS;
        };
        long n = Long.parseLong(Character.isDigit(text.charAt(text.length() - 1)) ? text
                : text.substring(0, text.length() - 1));
        java.time.Duration duration = java.time.Duration.of(n, unit);
        if (n < 1 || duration.compareTo(java.time.Duration.ofDays(36_500)) > 0) {
            throw new NumberFormatException();
        }
        return duration;
    }

    private Instant expiry(CliContext context) throws CliFailure {
        if (expiresIn != null && expires != null) {
            throw CliFailure.usage("use --expires-in or --expires, not both.");
        }
        Instant now = context.clock().instant();
        if (expiresIn != null) {
            String days = expiresIn;
            try {
                return now.plus(expiresIn(days.strip()));
            } catch (NumberFormatException | ArithmeticException e) {
                throw CliFailure.usage("--expires-in must be a number of days from 1 to 36500, or a count with s, m,"
                        + " h or d (90s, 12h, 30d), was \"" + Text.printable(days) + "\".");
            }
        }
        if (expires != null) {
            String text = expires.strip();
            Instant at;
            try {
                at = text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw CliFailure.usage("--expires must be a date like 2027-01-31 or an instant like"
                        + " 2027-01-31T12:00:00Z, was \"" + Text.printable(text) + "\".");
            }
            if (!at.isAfter(now)) {
                throw CliFailure.usage("--expires " + text + " is in the past.");
            }
            return at;
        }
        return null;
    }
}
