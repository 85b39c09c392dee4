package io.keydeck.cli;

import io.keydeck.settings.ConnectionProfile;
import io.keydeck.settings.Settings;

import java.util.ArrayList;
import java.util.List;

/** {@code keydeck connections list}: the saved connections, as the window lists them. */
final class ConnectionsListCommand implements Subcommand {
    private static final CommandSpec SPEC = new CommandSpec("connections list", "List the saved connections.", "", 0, 0,
            List.of(), "Tokens are kept in the OS keychain and never shown.");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(ParsedArgs args, CliContext context) {
        Settings settings = SavedConnections.load(context);
        if (settings.connections().isEmpty()) {
            context.err().println("No saved connections; add one with 'keydeck connections add'.");
            return ExitCode.OK;
        }
        List<List<String>> rows = new ArrayList<>();
        for (ConnectionProfile c : settings.connections()) {
            rows.add(List.of(c.displayName(), c.driverId(), c.demo() ? "(built into the window)" : c.baseUrl(),
                    c.environmentTag().label()));
        }
        context.out().print(Text.table(List.of("NAME", "DRIVER", "BASE URL", "TAG"), rows));
        context.out().flush();
        return ExitCode.OK;
    }
}
