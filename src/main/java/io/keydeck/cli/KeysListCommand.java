package io.keydeck.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.PagesBehind;
import io.keydeck.model.ApiKey;
import io.keydeck.review.KeyAccountJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * {@code keydeck keys list}: the keys of a gateway, as a table for people or JSON for scripts, narrowed
 * by the same notions the review uses (stale, never used, expiring) and by environment and status.
 */
@Command(name = "list", description = "List the keys of a gateway (never their secrets).",
        footer = {GatewayConnection.HELP, """
                The table goes to stdout as the pages arrive (column widths from the first page); --json prints a
                JSON array instead, also page by page, so a listing of any size runs in little memory. When the
                gateway fails part-way, what arrived stays printed, the JSON is left unfinished, and the exit
                code says so. Filters combine: a key is listed
                when it passes every one given. Revoked keys are listed with --all or --status revoked.
                Example: keydeck keys list --connection Prod --stale 90 --env live"""})
final class KeysListCommand implements Subcommand {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);

    @Mixin
    HelpOption help;
    @Mixin
    GatewayConnection.Options gateway;
    @Option(names = "--json", description = "print JSON instead of a table")
    boolean json;
    @Option(names = "--all", description = "include revoked keys")
    boolean all;
    @Option(names = "--stale", paramLabel = "DAYS",
            description = "only keys last used DAYS or more days ago (as the review's stale rule)")
    String stale;
    @Option(names = "--never-used", description = "only keys the gateway has never seen used")
    boolean neverUsed;
    @Option(names = "--expiring", paramLabel = "DAYS", description = "only keys that expire within DAYS days"
            + " (not those already expired)")
    String expiring;
    @Option(names = "--env", paramLabel = "live|test", completionCandidates = Choices.Environment.class,
            description = "only keys of this environment")
    String env;
    @Option(names = "--status", paramLabel = "active|disabled|expired|revoked",
            completionCandidates = Choices.Status.class, description = "only keys with this status")
    String status;

    @Override
    public int run(CliContext context) throws CliFailure {
        Instant now = context.clock().instant();
        Predicate<ApiKey> wanted = filter(now);
        boolean withRevoked = all || "revoked".equalsIgnoreCase(status == null ? "" : status.strip());
        long[] shown = {0};
        try (GatewayConnection connection = GatewayConnection.open(gateway, context);
             Printer printer = json ? new JsonPrinter(context.out(), now) : new TablePrinter(context.out(), now);
             PagesBehind<ApiKey> behind = new PagesBehind<>(page -> {
                 List<ApiKey> keys = page.stream().filter(wanted).toList();
                 printer.print(keys);
                 shown[0] += keys.size();
                 if (context.out().checkError()) {
                     throw new OutputClosed();
                 }
             })) {
            connection.client().eachKeyPage(withRevoked, behind);
            behind.finish();
            printer.end();
        } catch (GatewayException e) {
            throw CliFailure.of(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCode.GATEWAY, "listing keys was interrupted.");
        } catch (OutputClosed | IOException e) {
            throw CliFailure.local("stdout was closed after " + shown[0] + " keys; stopped listing.");
        }
        context.err().println(shown[0] + (shown[0] == 1 ? " key." : " keys."));
        return ExitCode.OK;
    }

    /** The keys' way to stdout, page by page as they arrive: nothing kept but the current page. */
    private interface Printer extends AutoCloseable {
        void print(List<ApiKey> keys);

        void end() throws IOException;

        @Override
        default void close() throws IOException {
        }
    }

    /** Stdout went away (a closed pipe): no use listing the rest. */
    private static final class OutputClosed extends RuntimeException {
        OutputClosed() {
            super(null, null, false, false);
        }
    }

    private static final class TablePrinter implements Printer {
        private final StreamedTable table;
        private final Instant now;

        TablePrinter(PrintStream out, Instant now) {
            this.table = new StreamedTable(out, HEADERS);
            this.now = now;
        }

        @Override
        public void print(List<ApiKey> keys) {
            table.rows(keys.stream().map(k -> row(k, now)).toList());
        }

        @Override
        public void end() {
            table.end();
        }
    }

    /**
     * A JSON array written key by key, begun when the first page has arrived (a gateway that refuses the
     * first request leaves stdout empty); a listing cut short later leaves it unfinished (see
     * {@link JsonOut#open}).
     */
    private static final class JsonPrinter implements Printer {
        private final JsonGenerator g;
        private final Instant now;

        JsonPrinter(PrintStream out, Instant now) throws IOException {
            this.g = JsonOut.open(out);
            this.now = now;
        }

        @Override
        public void print(List<ApiKey> keys) {
            try {
                begin();
                for (ApiKey k : keys) {
                    writeKey(g, k, now);
                }
                g.flush();
            } catch (IOException e) {
                throw new OutputClosed();
            }
        }

        private void begin() throws IOException {
            if (g.getOutputContext().inRoot() && g.getOutputContext().getEntryCount() == 0) {
                g.writeStartArray();
            }
        }

        @Override
        public void end() throws IOException {
            begin();
            g.writeEndArray();
            g.writeRaw('\n');
            g.flush();
        }

        @Override
        public void close() throws IOException {
            g.close();
        }
    }

    /** Every filter given, checked and combined; revoked keys only when asked for. */
    private Predicate<ApiKey> filter(Instant now) throws CliFailure {
        List<Predicate<ApiKey>> filters = new ArrayList<>();
        if (stale != null) {
            long days = days("--stale", stale);
            filters.add(k -> k.lastUsedAt() != null && !k.lastUsedAt().isAfter(now.minus(Duration.ofDays(days))));
        }
        if (neverUsed) {
            filters.add(k -> k.lastUsedAt() == null);
        }
        if (expiring != null) {
            long days = days("--expiring", expiring);
            filters.add(k -> k.expiresAt() != null && k.expiresAt().isAfter(now)
                    && !k.expiresAt().isAfter(now.plus(Duration.ofDays(days))));
        }
        if (env != null) {
            String wantedEnv = env.strip().toLowerCase(Locale.ROOT);
            filters.add(k -> k.environment().wireName().equals(wantedEnv));
        }
        if (status != null) {
            String wantedStatus = status.strip().toLowerCase(Locale.ROOT);
            filters.add(k -> k.status(now).name().toLowerCase(Locale.ROOT).equals(wantedStatus));
        } else if (!all) {
            filters.add(k -> !k.revoked());
        }
        return filters.stream().reduce(k -> true, Predicate::and);
    }

    private static long days(String option, String text) throws CliFailure {
        try {
            long days = Long.parseLong(text.strip());
            if (days >= 0 && days <= 36_500) {
                return days;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw CliFailure.usage(option + " must be a number of days from 0 to 36500, was \"" + Text.printable(text) + "\".");
    }

    private static final List<String> HEADERS = List.of("ID", "NAME", "KEY", "ENV", "STATUS", "LAST USED", "EXPIRES",
            "SCOPES", "OWNER", "SPEND", "LIMIT");

    /** The one place a key becomes a table row (cells in {@link #HEADERS}' order). */
    private static List<String> row(ApiKey k, Instant now) {
        return List.of(k.id(), k.name(), k.hint(), k.environment().wireName(),
                k.status(now).name().toLowerCase(Locale.ROOT), time(k.lastUsedAt(), "never"),
                time(k.expiresAt(), "-"), String.join(",", k.scopes()), dash(k.account().ownerText()),
                dash(k.account().spendText()), dash(k.account().limitText()));
    }

    private static String dash(String text) {
        return text.isEmpty() ? "-" : text;
    }

    private static String time(Instant instant, String absent) {
        return instant == null ? absent : MINUTES.format(instant);
    }

    /** The one place a key becomes a JSON object of {@code --json}. */
    private static void writeKey(JsonGenerator g, ApiKey k, Instant now) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", k.id());
        g.writeStringField("name", k.name());
        g.writeStringField("hint", k.hint());
        g.writeStringField("prefix", k.prefix());
        g.writeStringField("last_four", k.lastFour());
        g.writeStringField("environment", k.environment().wireName());
        g.writeStringField("status", k.status(now).name().toLowerCase(Locale.ROOT));
        g.writeArrayFieldStart("scopes");
        for (String scope : k.scopes()) {
            g.writeString(scope);
        }
        g.writeEndArray();
        g.writeStringField("created_at", JsonOut.iso(k.createdAt()));
        g.writeStringField("last_used_at", JsonOut.iso(k.lastUsedAt()));
        g.writeStringField("last_used_ip", k.lastUsedIp());
        g.writeStringField("expires_at", JsonOut.iso(k.expiresAt()));
        g.writeBooleanField("revoked", k.revoked());
        g.writeStringField("revoked_at", JsonOut.iso(k.revokedAt()));
        g.writeBooleanField("disabled", k.disabled());
        g.writeObjectFieldStart("attributes");
        for (var attribute : k.attributes().entrySet()) {
            g.writeStringField(attribute.getKey(), attribute.getValue());
        }
        g.writeEndObject();
        g.writeFieldName("account");
        KeyAccountJson.write(g, k.account());
        g.writeEndObject();
    }
}
