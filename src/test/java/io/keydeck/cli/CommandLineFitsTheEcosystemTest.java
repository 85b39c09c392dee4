package io.keydeck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keydeck.journal.JournalAction;
import io.keydeck.journal.JournalEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18, item 4, as commands: {@code --json} on every command that prints data, {@code report --out -},
 * the {@code keys list} filters against the sandbox's demo keys, and {@code --help} that names only what
 * the parser accepts.
 */
class CommandLineFitsTheEcosystemTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> COMMANDS = List.of("keys list", "keys create", "keys revoke", "connections list",
            "connections add", "connections remove", "connections doctor", "report", "journal list", "journal verify",
            "journal key", "journal token", "completion");

    @RegisterExtension
    static final SandboxForCli sandbox = SandboxForCli.withoutTraffic();

    @TempDir
    Path dir;
    private CliHarness cli;

    @BeforeEach
    void harness() {
        cli = sandbox.harness(dir);
    }

    private JsonNode json(String... args) throws Exception {
        CliHarness.Result result = cli.run(args);
        assertThat(result.exit()).as(String.join(" ", args) + ": " + result.err()).isZero();
        return JSON.readTree(result.out());
    }

    private Set<String> listedIds(String... filters) throws Exception {
        List<String> args = new ArrayList<>(List.of("keys", "list", "--json"));
        args.addAll(List.of(filters));
        Set<String> ids = new TreeSet<>();
        json(sandbox.adHoc(args.toArray(String[]::new))).forEach(k -> ids.add(k.get("id").asText()));
        return ids;
    }

    /** The oracle: every key (revoked too) from the unfiltered JSON, judged by the rule the option's help states. */
    private Set<String> expectedIds(JsonNode all, Predicate<JsonNode> rule) {
        Set<String> ids = new TreeSet<>();
        all.forEach(k -> {
            if (rule.test(k)) {
                ids.add(k.get("id").asText());
            }
        });
        return ids;
    }

    private static Instant at(JsonNode key, String field) {
        return key.get(field).isNull() ? null : Instant.parse(key.get(field).asText());
    }

    @Test
    void keysListFiltersAgreeWithTheUnfilteredListAndNarrowIt() throws Exception {
        JsonNode all = json(sandbox.adHoc("keys", "list", "--json", "--all"));
        Instant now = Instant.now();
        Predicate<JsonNode> active = k -> !k.get("revoked").asBoolean();

        Set<String> stale = listedIds("--stale", "30");
        assertThat(stale).isEqualTo(expectedIds(all, active.and(k -> at(k, "last_used_at") != null
                && at(k, "last_used_at").isBefore(now.minus(Duration.ofDays(30))))));
        Set<String> neverUsed = listedIds("--never-used");
        assertThat(neverUsed).isEqualTo(expectedIds(all, active.and(k -> k.get("last_used_at").isNull())));
        Set<String> expiring = listedIds("--expiring", "60");
        assertThat(expiring).isEqualTo(expectedIds(all, active.and(k -> at(k, "expires_at") != null
                && at(k, "expires_at").isAfter(now) && at(k, "expires_at").isBefore(now.plus(Duration.ofDays(60))))));
        Set<String> test = listedIds("--env", "test");
        assertThat(test).isEqualTo(expectedIds(all, active.and(k -> k.get("environment").asText().equals("test"))));
        Set<String> revoked = listedIds("--status", "revoked");
        assertThat(revoked).isEqualTo(expectedIds(all, k -> k.get("status").asText().equals("revoked")));
        Set<String> liveAndStale = listedIds("--stale", "30", "--env", "live");
        assertThat(liveAndStale).isEqualTo(expectedIds(all, k -> stale.contains(k.get("id").asText())
                && k.get("environment").asText().equals("live")));

        // each filter narrows the list without emptying it, so the equalities above could fail
        for (Set<String> filtered : List.of(stale, neverUsed, test)) {
            assertThat(filtered).isNotEmpty().hasSizeLessThan(all.size());
        }
    }

    @Test
    void badFilterValuesAreUsageErrorsNamingWhatIsAllowed() {
        CliHarness.Result env = cli.run(sandbox.adHoc("keys", "list", "--env", "prod"));
        assertThat(env.exit()).isEqualTo(2);
        assertThat(env.out()).isEmpty();
        assertThat(env.err().lines().toList()).containsExactly(
                "keydeck keys list: --env must be live or test, was \"prod\".",
                "Run 'keydeck keys list --help' for usage.");

        CliHarness.Result status = cli.run(sandbox.adHoc("keys", "list", "--status", "gone"));
        assertThat(status.exit()).isEqualTo(2);
        assertThat(status.err().lines().findFirst().orElseThrow())
                .isEqualTo("keydeck keys list: --status must be active, disabled, expired or revoked, was \"gone\".");

        CliHarness.Result stale = cli.run(sandbox.adHoc("keys", "list", "--stale", "ninety"));
        assertThat(stale.exit()).isEqualTo(2);
        assertThat(stale.err().lines().findFirst().orElseThrow())
                .isEqualTo("keydeck keys list: --stale must be a number of days from 0 to 36500, was \"ninety\".");

        CliHarness.Result noValue = cli.run("keys", "list", "--stale");
        assertThat(noValue.exit()).isEqualTo(2);
        assertThat(noValue.err().lines().findFirst().orElseThrow())
                .isEqualTo("keydeck keys list: --stale needs a value (--stale DAYS).");
    }

    @Test
    void reportToStdoutWithJson() throws Exception {
        CliHarness.Result result = cli.run(sandbox.adHoc("report", "--json", "--out", "-"));

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.outLines().get(0)).isEqualTo("{");
        assertThat(JSON.readTree(result.out()).at("/summary/keys").asInt()).isEqualTo(sandbox.keyCount());
        assertThat(result.err()).startsWith("Reviewed ").doesNotContain("written to");

        CliHarness.Result disagree = cli.run(sandbox.adHoc("report", "--json", "--format", "csv", "--out", "-"));
        assertThat(disagree.exit()).isEqualTo(2);
        assertThat(disagree.err().lines().findFirst().orElseThrow())
                .isEqualTo("keydeck report: --json and --format csv disagree; give one of them.");
    }

    @Test
    void everyCommandThatPrintsDataPrintsJson() throws Exception {
        assertThat(cli.run("connections", "add", "--name", "Local", "--driver", "multiroute", "--base-url",
                sandbox.baseUrl().toString(), "--token-env", SandboxForCli.TOKEN_VAR).exit()).isZero();
        String created = cli.run(sandbox.adHoc("keys", "create", "--name", "json-made")).out().strip();
        assertThat(created).startsWith("mrk_live_");

        JsonNode connections = json("connections", "list", "--json");
        assertThat(connections).hasSize(1);
        assertThat(connections.get(0).get("name").asText()).isEqualTo("Local");
        assertThat(connections.get(0).get("tag").asText()).isEqualTo("production");

        JsonNode journal = json("journal", "list", "--json");
        assertThat(journal).hasSize(1);
        assertThat(journal.get(0).get("action").asText()).isEqualTo(JournalAction.CREATE.wireName());
        assertThat(journal.get(0).get("key_name").asText()).isEqualTo("json-made");
        assertThat(journal.get(0).get("result").asText()).isEqualTo(JournalEntry.OK);
        assertThat(journal.get(0).get("request_id").asText()).startsWith("req_");

        JsonNode verdict = json("journal", "verify", "--json");
        assertThat(verdict.get("intact").asBoolean()).isTrue();
        assertThat(verdict.get("lines").asInt()).isEqualTo(1);
        assertThat(verdict.get("first_break").isNull()).isTrue();

        JsonNode key = json("journal", "key", "--json");
        assertThat(key.get("fingerprint").asText()).startsWith("SHA256:");
        assertThat(key.get("public_key_pem").asText()).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(key.get("anchor").asText()).startsWith("1:");

        cli.keychain.store("0f0e0d0c-0b0a-4909-8807-060504030201", "left".toCharArray());
        CliHarness.Result doctor = cli.run("connections", "doctor", "--json");
        assertThat(doctor.exit()).as("an unused item is left: findings").isEqualTo(1);
        JsonNode found = JSON.readTree(doctor.out());
        assertThat(found.get("unused")).extracting(JsonNode::asText).containsExactly("0f0e0d0c-0b0a-4909-8807-060504030201");
        assertThat(found.get("missing_token")).isEmpty();

        // a tampered journal: verify --json still exits 1 and names the line
        java.nio.file.Files.writeString(cli.journal().file(), java.nio.file.Files.readString(cli.journal().file())
                .replace("json-made", "json-mad3"));
        CliHarness.Result broken = cli.run("journal", "verify", "--json");
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(JSON.readTree(broken.out()).at("/first_break/line").asInt()).isEqualTo(1);
    }

    /**
     * Every option a command's help names is one the parser accepts for that command (or, in the text
     * below the options, for the command the text names); and every option the parser accepts is listed.
     */
    @Test
    void helpNamesOnlyWhatTheParserAccepts() {
        Pattern optionWord = Pattern.compile("(?<![\\w-])--[a-z][a-z-]*");
        for (String command : COMMANDS) {
            String help = cli.run((command + " --help").split(" ")).out();
            String optionList = help.substring(help.indexOf("\nOptions:\n"), indexAfterOptions(help));
            Set<String> listed = new LinkedHashSet<>();
            Matcher listedOption = Pattern.compile("(?m)^\\s+(?:-\\w, )?(--[a-z-]+)").matcher(optionList);
            while (listedOption.find()) {
                listed.add(listedOption.group(1));
            }
            assertThat(listed).as(command).isNotEmpty().contains("--help");
            for (String option : listed) {
                assertThat(accepted(command, option)).as(command + " " + option).isTrue();
            }
            assertThat(new TreeSet<>(listed)).as(command + ": listed = parsed").isEqualTo(optionsOf(command));

            Matcher mentioned = optionWord.matcher(help);
            while (mentioned.find()) {
                String option = mentioned.group();
                assertThat(COMMANDS.stream().anyMatch(c -> accepted(c, option)) || option.equals("--version"))
                        .as(command + " help mentions " + option).isTrue();
            }
        }
    }

    private static int indexAfterOptions(String help) {
        int start = help.indexOf("\nOptions:\n") + 10;
        int end = help.indexOf("\n\n", start);
        return end < 0 ? help.length() : end;
    }

    private static Set<String> optionsOf(String command) {
        picocli.CommandLine line = KeyDeckCli.commandLine();
        for (String word : command.split(" ")) {
            line = line.getSubcommands().get(word);
        }
        Set<String> names = new TreeSet<>();
        line.getCommandSpec().options().forEach(o -> names.add(o.longestName()));
        return names;
    }

    /** The parser takes {@code option} for {@code command}: with {@code --help} after it, the help is shown (exit 0). */
    private boolean accepted(String command, String option) {
        List<String> flag = new ArrayList<>(List.of(command.split(" ")));
        flag.add(option);
        if (!option.equals("--help")) {
            flag.add("--help");
        }
        List<String> valued = new ArrayList<>(List.of(command.split(" ")));
        valued.addAll(List.of(option + "=1", "--help"));
        return cli.run(flag.toArray(String[]::new)).exit() == 0 || cli.run(valued.toArray(String[]::new)).exit() == 0;
    }
}
