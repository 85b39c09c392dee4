package io.keydeck.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.keydeck.journal.ActionJournal;
import io.keydeck.journal.JournalEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

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
        long total;
        try (EntryPrinter printer = json ? new JsonPrinter(context.out()) : new TablePrinter(context.out())) {
            if (last == null) {
                total = journal.readEach(printer);
            } else {
                Deque<JournalEntry> newest = new ArrayDeque<>();
                total = journal.readEach(e -> {
                    if (newest.size() == count) {
                        newest.removeFirst();
                    }
                    newest.addLast(e);
                });
                newest.forEach(printer);
            }
            printer.end();
        } catch (IOException | UncheckedIOException e) {
            throw CliFailure.local(e.getMessage());
        }
        context.err().println(total + (total == 1 ? " entry in " : " entries in ") + journal.file() + ".");
        return ExitCode.OK;
    }

    /** Entries to stdout as the file is read (only the last N are held, for --last). */
    private interface EntryPrinter extends Consumer<JournalEntry>, AutoCloseable {
        void end() throws IOException;

        @Override
        default void close() throws IOException {
        }
    }

    /** A table whose columns are as wide as the first thousand entries need. */
    private static final class TablePrinter implements EntryPrinter {
        private static final int BATCH = 1000;
        private final StreamedTable table;
        private final List<List<String>> batch = new ArrayList<>();

        TablePrinter(PrintStream out) {
            table = new StreamedTable(out, List.of("TIME", "USER", "CONNECTION", "ACTION", "KEY ID", "NAME", "KEY",
                    "RESULT", "REQUEST ID"));
        }

        @Override
        public void accept(JournalEntry e) {
            batch.add(List.of(SECONDS.format(e.time()), e.user(), e.connection(), e.action().wireName(), e.keyId(),
                    e.keyName(), e.keyHint(), e.result(), e.requestId() == null ? "-" : e.requestId()));
            if (batch.size() == BATCH) {
                table.rows(batch);
                batch.clear();
            }
        }

        @Override
        public void end() {
            table.rows(batch);
            table.end();
        }
    }

    private static final class JsonPrinter implements EntryPrinter {
        private final JsonGenerator g;

        JsonPrinter(PrintStream out) throws IOException {
            g = JsonOut.open(out);
            g.writeStartArray();
        }

        @Override
        public void accept(JournalEntry e) {
            try {
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
            } catch (IOException x) {
                throw new UncheckedIOException("writing to stdout failed", x);
            }
        }

        @Override
        public void end() throws IOException {
            g.writeEndArray();
            g.writeRaw('\n');
            g.flush();
        }

        @Override
        public void close() throws IOException {
            g.close();
        }
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
