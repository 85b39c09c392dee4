package io.keydeck.cli;

import io.keydeck.settings.ConnectionProfile;
import io.keydeck.settings.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code keydeck connections list}: the saved connections, as the window lists them. */
@Command(name = "list", description = "List the saved connections.",
        footer = "Tokens are kept in the OS keychain and never shown.")
final class ConnectionsListCommand implements Subcommand {
    @Mixin
    HelpOption help;
    @Option(names = "--json", description = "print a JSON array instead of a table")
    boolean json;

    @Override
    public int run(CliContext context) {
        Settings settings = SavedConnections.load(context);
        if (json) {
            JsonOut.write(context.out(), g -> {
                g.writeStartArray();
                for (ConnectionProfile c : settings.connections()) {
                    g.writeStartObject();
                    g.writeStringField("id", c.id());
                    g.writeStringField("name", c.displayName());
                    g.writeStringField("driver", c.driverId());
                    g.writeStringField("base_url", c.baseUrl());
                    g.writeStringField("tag", c.environmentTag().name().toLowerCase(Locale.ROOT)); // as --tag takes it
                    g.writeBooleanField("built_into_window", c.demo());
                    g.writeEndObject();
                }
                g.writeEndArray();
            });
            return ExitCode.OK;
        }
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
