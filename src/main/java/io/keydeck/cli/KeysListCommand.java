package io.keydeck.cli;

import io.keydeck.gateway.GatewayException;
import io.keydeck.model.ApiKey;
import io.keydeck.review.KeyAccountJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
                The table goes to stdout; --json prints a JSON array instead. Filters combine: a key is listed
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
        List<ApiKey> keys;
        try (GatewayConnection connection = GatewayConnection.open(gateway, context)) {
            keys = connection.client().listAllKeys(withRevoked, n -> { }).stream().filter(wanted).toList();
        } catch (GatewayException e) {
            throw CliFailure.of(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCode.GATEWAY, "listing keys was interrupted.");
        }
        if (json) {
            json(keys, now, context.out());
        } else {
            table(keys, now, context.out());
        }
        context.out().flush();
        context.err().println(keys.size() + (keys.size() == 1 ? " key." : " keys."));
        return ExitCode.OK;
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

    /** Row by row: column widths from one pass over the keys, cells bounded, nothing built for the whole table. */
    private static void table(List<ApiKey> keys, Instant now, PrintStream out) {
        int[] widths = Text.widths(HEADERS);
        for (ApiKey k : keys) {
            Text.widen(widths, row(k, now));
        }
        Text.printRow(out, widths, HEADERS);
        for (ApiKey k : keys) {
            Text.printRow(out, widths, row(k, now));
        }
    }

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

    /** For tests: the JSON as one string. */
    static String json(List<ApiKey> keys, Instant now) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        json(keys, now, out);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Streams the JSON array key by key. */
    static void json(List<ApiKey> keys, Instant now, PrintStream out) {
        JsonOut.write(out, g -> {
            g.writeStartArray();
            for (ApiKey k : keys) {
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
                g.writeTree(KeyAccountJson.of(k.account()));
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }
}
