package io.keydeck.cli;

import io.keydeck.journal.ActionJournal;
import io.keydeck.journal.JournalEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** {@code keydeck journal list}: who did what to which key, oldest first, as a table on stdout. */
@Command(name = "list", description = "Show the recorded admin actions, oldest first.",
        footer = "Lines that are not entries are skipped; run 'keydeck journal verify' to know whether to trust the rest.")
final class JournalListCommand implements Subcommand {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    @Mixin
    HelpOption help;
    @Option(names = "--file", paramLabel = "PATH", description = "read this journal file instead of the one in the"
            + " data directory")
    String file;
    @Option(names = "--last", paramLabel = "N", description = "only the last N entries")
    String last;
    @Option(names = "--json", description = "print a JSON array instead of a table")
    boolean json;

    @Override
    public int run(CliContext context) throws CliFailure {
        ActionJournal journal = java.util.Optional.ofNullable(file).map(f -> context.journal().get().at(Path.of(f)))
                .orElseGet(context.journal());
        int count = count();
        List<JournalEntry> entries;
        try {
            entries = journal.read();
        } catch (IOException e) {
            throw CliFailure.local(e.getMessage());
        }
        List<JournalEntry> shown = entries.subList(Math.max(0, entries.size() - count), entries.size());
        if (json) {
            json(shown, context);
            context.err().println(entries.size() + (entries.size() == 1 ? " entry in " : " entries in ") + journal.file() + ".");
            return ExitCode.OK;
        }
        List<List<String>> rows = new ArrayList<>();
        for (JournalEntry e : shown) {
            rows.add(List.of(SECONDS.format(e.time()), e.user(), e.connection(), e.action().wireName(), e.keyId(),
                    e.keyName(), e.keyHint(), e.result(), e.requestId() == null ? "-" : e.requestId()));
        }
        context.out().print(Text.table(List.of("TIME", "USER", "CONNECTION", "ACTION", "KEY ID", "NAME", "KEY", "RESULT",
                "REQUEST ID"), rows));
        context.out().flush();
        context.err().println(entries.size() + (entries.size() == 1 ? " entry in " : " entries in ") + journal.file() + ".");
        return ExitCode.OK;
    }

    private static void json(List<JournalEntry> entries, CliContext context) {
        JsonOut.write(context.out(), g -> {
            g.writeStartArray();
            for (JournalEntry e : entries) {
                g.writeStartObject();
                g.writeStringField("time", JsonOut.iso(e.time()));
                g.writeStringField("user", e.user());
                g.writeStringField("connection", e.connection());
                g.writeStringField("action", e.action().wireName());
                g.writeStringField("key_id", e.keyId());
                g.writeStringField("key_name", e.keyName());
                g.writeStringField("key_hint", e.keyHint());
                g.writeStringField("result", e.result());
                g.writeStringField("request_id", e.requestId());
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    private int count() throws CliFailure {
        String text = last == null ? String.valueOf(Integer.MAX_VALUE) : last;
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
