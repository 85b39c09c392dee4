package io.keydeck.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keydeck.gateway.GatewayException;
import io.keydeck.model.ApiKey;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code keydeck keys list}: every key of a gateway, as a table for people or JSON for scripts. */
final class KeysListCommand implements Subcommand {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);
    private static final CommandSpec SPEC = new CommandSpec("keys list", "List the keys of a gateway (never their secrets).",
            "", 0, 0, options(), GatewayConnection.HELP + "\nThe table goes to stdout; --json prints a JSON array instead.");

    private static List<OptionSpec> options() {
        List<OptionSpec> options = new ArrayList<>(GatewayConnection.OPTIONS);
        options.add(OptionSpec.flag("--json", "print JSON instead of a table"));
        options.add(OptionSpec.flag("--all", "include revoked keys"));
        return options;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(ParsedArgs args, CliContext context) throws CliFailure {
        List<ApiKey> keys;
        try (GatewayConnection gateway = GatewayConnection.open(args, context)) {
            keys = gateway.client().listAllKeys(args.has("--all"), n -> { });
        } catch (GatewayException e) {
            throw CliFailure.of(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCode.GATEWAY, "listing keys was interrupted.");
        }
        Instant now = context.clock().instant();
        context.out().print(args.has("--json") ? json(keys, now) : table(keys, now));
        context.out().flush();
        context.err().println(keys.size() + (keys.size() == 1 ? " key." : " keys."));
        return ExitCode.OK;
    }

    private static String table(List<ApiKey> keys, Instant now) {
        List<List<String>> rows = new ArrayList<>();
        for (ApiKey k : keys) {
            rows.add(List.of(k.id(), k.name(), k.hint(), k.environment().wireName(),
                    k.status(now).name().toLowerCase(Locale.ROOT), time(k.lastUsedAt(), "never"),
                    time(k.expiresAt(), "-"), String.join(",", k.scopes())));
        }
        return Text.table(List.of("ID", "NAME", "KEY", "ENV", "STATUS", "LAST USED", "EXPIRES", "SCOPES"), rows);
    }

    private static String time(Instant instant, String absent) {
        return instant == null ? absent : MINUTES.format(instant);
    }

    static String json(List<ApiKey> keys, Instant now) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode array = mapper.createArrayNode();
        for (ApiKey k : keys) {
            ObjectNode node = array.addObject();
            node.put("id", k.id());
            node.put("name", k.name());
            node.put("hint", k.hint());
            node.put("prefix", k.prefix());
            node.put("last_four", k.lastFour());
            node.put("environment", k.environment().wireName());
            node.put("status", k.status(now).name().toLowerCase(Locale.ROOT));
            ArrayNode scopes = node.putArray("scopes");
            k.scopes().forEach(scopes::add);
            node.put("created_at", iso(k.createdAt()));
            node.put("last_used_at", iso(k.lastUsedAt()));
            node.put("last_used_ip", k.lastUsedIp());
            node.put("expires_at", iso(k.expiresAt()));
            node.put("revoked", k.revoked());
            node.put("revoked_at", iso(k.revokedAt()));
            node.put("disabled", k.disabled());
            ObjectNode attributes = node.putObject("attributes");
            k.attributes().forEach(attributes::put);
        }
        try {
            return mapper.writeValueAsString(array) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
