package io.keydeck.cli;

import io.keydeck.journal.ActionJournal;
import io.keydeck.journal.JournalEntry;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** {@code keydeck journal list}: who did what to which key, oldest first, as a table on stdout. */
final class JournalListCommand implements Subcommand {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final CommandSpec SPEC = new CommandSpec("journal list",
            "Show the recorded admin actions, oldest first.", "", 0, 0, List.of(
            OptionSpec.value("--file", "PATH", "read this journal file instead of the one in the data directory"),
            OptionSpec.value("--last", "N", "only the last N entries")),
            "Lines that are not entries are skipped; run 'keydeck journal verify' to know whether to trust the rest.");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(ParsedArgs args, CliContext context) throws CliFailure {
        ActionJournal journal = args.value("--file").map(f -> context.journal().get().at(Path.of(f)))
                .orElseGet(context.journal());
        int last = last(args);
        List<JournalEntry> entries;
        try {
            entries = journal.read();
        } catch (IOException e) {
            throw CliFailure.local(e.getMessage());
        }
        List<List<String>> rows = new ArrayList<>();
        for (JournalEntry e : entries.subList(Math.max(0, entries.size() - last), entries.size())) {
            rows.add(List.of(SECONDS.format(e.time()), e.user(), e.connection(), e.action().wireName(), e.keyId(),
                    e.keyName(), e.keyHint(), e.result(), e.requestId() == null ? "-" : e.requestId()));
        }
        context.out().print(Text.table(List.of("TIME", "USER", "CONNECTION", "ACTION", "KEY ID", "NAME", "KEY", "RESULT",
                "REQUEST ID"), rows));
        context.out().flush();
        context.err().println(entries.size() + (entries.size() == 1 ? " entry in " : " entries in ") + journal.file() + ".");
        return ExitCode.OK;
    }

    private static int last(ParsedArgs args) throws CliFailure {
        String text = args.value("--last").orElse(String.valueOf(Integer.MAX_VALUE));
        try {
            int n = Integer.parseInt(text.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw CliFailure.usage("--last must be a positive whole number, was \"" + Text.printable(text) + "\".");
    }
}
