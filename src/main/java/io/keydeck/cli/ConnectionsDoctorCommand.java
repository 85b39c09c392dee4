package io.keydeck.cli;

import io.keydeck.settings.ConnectionProfile;
import io.keydeck.settings.Settings;
import io.keydeck.vault.TokenVault;
import io.keydeck.vault.VaultException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code keydeck connections doctor}: the keychain items KeyDeck stored for connections no saved
 * connection uses any more (left by a crash or an older KeyDeck), and saved connections whose token is
 * missing. Offers to remove the orphans; says so plainly when the keychain cannot list its items.
 */
@Command(name = "doctor", description = "Find keychain items no saved connection uses, and connections whose token is"
        + " missing.",
        footer = {"Without --remove it asks at a terminal, and otherwise only lists them (exit 1 while any are left).",
                "The unused items' ids go to stdout, one a line, or with --json as {\"unused\": […], \"missing_token\": […]}."})
final class ConnectionsDoctorCommand implements Subcommand {
    /** Connection ids are UUIDs; KeyDeck's other items (the journal's signing key) are not connection tokens. */
    private static final Pattern CONNECTION_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Mixin
    HelpOption help;
    @Option(names = "--remove", description = "remove the unused items without asking")
    boolean remove;
    @Option(names = "--json", description = "print what was found as JSON instead of one id a line")
    boolean json;

    @Override
    public int run(CliContext context) throws CliFailure {
        Settings settings = SavedConnections.load(context);
        Set<String> used = settings.connections().stream().map(ConnectionProfile::id).collect(Collectors.toSet());
        try (TokenVault vault = context.vault().get().vault()) {
            List<String> missing = new ArrayList<>();
            for (ConnectionProfile profile : settings.connections()) {
                if (!profile.demo() && vault.read(profile.id()).map(ConnectionsDoctorCommand::wiped).isEmpty()) {
                    missing.add(profile.displayName());
                    context.err().println("Connection \"" + Text.printable(profile.displayName())
                            + "\" has no admin token in the " + vault.description()
                            + "; the window will ask for it, or add it again with 'keydeck connections add'.");
                }
            }
            Optional<Set<String>> stored = vault.storedIds();
            if (stored.isEmpty()) {
                context.err().println("The " + vault.description() + " cannot be asked for a list of its items by"
                        + " KeyDeck, so unused items cannot be found here. Look for items of service \"KeyDeck\""
                        + " in your keychain app; their account is the connection id.");
                printJson(context, missing, null);
                return ExitCode.OK;
            }
            List<String> orphans = new ArrayList<>();
            for (String id : stored.get()) {
                if (CONNECTION_ID.matcher(id.toLowerCase(Locale.ROOT)).matches() && !used.contains(id)) {
                    orphans.add(id);
                }
            }
            printJson(context, missing, orphans);
            if (orphans.isEmpty()) {
                context.err().println("Every KeyDeck item in the " + vault.description() + " belongs to a saved connection.");
                return ExitCode.OK;
            }
            if (!json) {
                orphans.forEach(context.out()::println);
                context.out().flush();
            }
            context.err().println(orphans.size() + " item(s) in the " + vault.description()
                    + " belong to no saved connection (listed by id above).");
            if (!remove && !confirmed(context, orphans.size())) {
                context.err().println("Nothing was removed; run 'keydeck connections doctor --remove' to remove them.");
                return ExitCode.FINDINGS;
            }
            for (String id : orphans) {
                vault.delete(id);
            }
            context.err().println("Removed " + orphans.size() + " unused item(s) from the " + vault.description() + ".");
            return ExitCode.OK;
        } catch (VaultException e) {
            throw CliFailure.local(e.getMessage());
        }
    }

    /** With --json: the unused ids (null when the keychain cannot list them) and the connections without a token. */
    private void printJson(CliContext context, List<String> missing, List<String> unused) {
        if (!json) {
            return;
        }
        JsonOut.write(context.out(), g -> {
            g.writeStartObject();
            g.writeFieldName("unused");
            if (unused == null) {
                g.writeNull();
            } else {
                g.writeStartArray();
                for (String id : unused) {
                    g.writeString(id);
                }
                g.writeEndArray();
            }
            g.writeArrayFieldStart("missing_token");
            for (String name : missing) {
                g.writeString(name);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static boolean confirmed(CliContext context, int count) {
        if (!context.prompter().interactive()) {
            return false;
        }
        String answer = context.prompter().readLine("Remove these " + count + " item(s)? [y/N] ");
        return answer != null && answer.strip().equalsIgnoreCase("y");
    }

    private static boolean wiped(char[] token) {
        java.util.Arrays.fill(token, '\0');
        return true;
    }
}
