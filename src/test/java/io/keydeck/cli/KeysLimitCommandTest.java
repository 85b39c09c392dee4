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
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code keydeck keys limit} and the spend columns of {@code keys list} against a real sandbox over HTTP. */
class KeysLimitCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final SandboxForCli sandbox = SandboxForCli.withoutTraffic();

    @TempDir
    Path dir;
    private CliHarness cli;

    @BeforeEach
    void harness() {
        cli = sandbox.harness(dir);
    }

    private String createKey(String name) {
        CliHarness.Result created = cli.run(sandbox.adHoc("keys", "create", "--name", name, "--scope", "chat:write"));
        assertThat(created.exit()).as(created.err()).isZero();
        return created.out().strip();
    }

    private JsonNode listed(String name) throws Exception {
        CliHarness.Result list = cli.run(sandbox.adHoc("keys", "list", "--json"));
        assertThat(list.exit()).as(list.err()).isZero();
        for (JsonNode key : JSON.readTree(list.out())) {
            if (key.get("name").asText().equals(name)) {
                return key;
            }
        }
        throw new AssertionError("not listed: " + name);
    }

    @Test
    void aZeroDailyLimitStopsTheKeyIsJournalledWithItsRequestIdAndRemovingItLetsItThrough() throws Exception {
        String name = "capped-" + UUID.randomUUID();
        String secret = createKey(name);
        assertThat(sandbox.chat(secret)).isEqualTo(200);

        CliHarness.Result set = cli.run(sandbox.adHoc("keys", "limit", name, "--amount", "0", "--reset", "daily", "--yes"));

        assertThat(set.exit()).as(set.err()).isZero();
        assertThat(set.out()).isEmpty();
        assertThat(set.err()).contains("Set the spend limit of key \"" + name + "\"").contains("to $0.00 a day")
                .containsPattern("\\(request id req_\\w+\\)\\.");
        assertThat(sandbox.chat(secret)).as("over its budget").isEqualTo(429);
        assertThat(listed(name).at("/account/limit/reset").asText()).isEqualTo("daily");

        CliHarness.Result removed = cli.run(sandbox.adHoc("keys", "limit", name, "--remove", "--yes"));
        assertThat(removed.exit()).as(removed.err()).isZero();
        assertThat(removed.err()).contains("Removed the spend limit").contains("now reports: none");
        assertThat(sandbox.chat(secret)).isEqualTo(200);
        assertThat(listed(name).at("/account/limit").isNull()).isTrue();

        assertThat(cli.journal().read()).extracting(JournalEntry::action)
                .containsExactly(JournalAction.CREATE, JournalAction.SET_LIMIT, JournalAction.SET_LIMIT);
        JournalEntry limited = cli.journal().read().get(1);
        assertThat(limited.result()).isEqualTo(JournalEntry.OK);
        assertThat(limited.requestId()).startsWith("req_");
        assertThat(limited.keyName()).isEqualTo(name + " \u2192 limit $0.00 a day");
        assertThat(cli.journal().verify().isIntact()).isTrue();
    }

    @Test
    void theConfirmationNamesTheKeyAndTheLimitAndOnlyYesSetsIt() throws Exception {
        String name = "asked-" + UUID.randomUUID();
        String secret = createKey(name);
        cli.interactive = true;

        cli.answers.add("no");
        CliHarness.Result declined = cli.run(sandbox.adHoc("keys", "limit", name, "--amount", "50", "--reset", "monthly"));
        assertThat(declined.exit()).isZero();
        assertThat(declined.err()).contains("Limit not changed");
        assertThat(listed(name).at("/account/limit").isNull()).isTrue();

        cli.answers.add("yes");
        CliHarness.Result confirmed = cli.run(sandbox.adHoc("keys", "limit", name, "--amount", "50", "--reset", "monthly"));
        assertThat(confirmed.exit()).as(confirmed.err()).isZero();
        assertThat(listed(name).at("/account/limit/amount/amount").decimalValue()).isEqualByComparingTo("50");
        assertThat(cli.prompts).hasSize(2).allSatisfy(p -> assertThat(p).contains("\"" + name + "\"")
                .contains("mrk_live_…" + secret.substring(secret.length() - 4)).contains("$50.00 a month")
                .contains("refuses its calls"));
    }

    @Test
    void badOptionsExitWithTwoBeforeAnythingIsSent() throws Exception {
        String name = "untouched-" + UUID.randomUUID();
        createKey(name);
        String[][] bad = {
            {"--amount", "50", "--reset", "monthly"},                 // no --yes, no terminal
            {"--amount", "-5", "--reset", "monthly", "--yes"},
            {"--amount", "lots", "--reset", "monthly", "--yes"},
            {"--amount", "5", "--reset", "yearly", "--yes"},
            {"--amount", "5", "--yes"},
            {"--remove", "--amount", "5", "--yes"},
            {"--amount", "5", "--unit", "dollars", "--reset", "daily", "--yes"},
        };
        String[] expected = {"needs a confirmation", "from 0 to 1000000000", "must be a number", "daily, weekly, monthly"
                + " or never", "give --amount N and --reset", "--remove takes the limit away", "currency code"};
        for (int i = 0; i < bad.length; i++) {
            String[] args = new String[bad[i].length + 3];
            args[0] = "keys";
            args[1] = "limit";
            args[2] = name;
            System.arraycopy(bad[i], 0, args, 3, bad[i].length);
            CliHarness.Result result = cli.run(sandbox.adHoc(args));
            assertThat(result.exit()).as(String.join(" ", bad[i]) + ": " + result.err()).isEqualTo(2);
            assertThat(result.err()).contains(expected[i]);
        }
        assertThat(cli.journal().read()).extracting(JournalEntry::action).containsExactly(JournalAction.CREATE);
    }

    @Test
    void anUnknownKeyExitsWithFour() {
        CliHarness.Result unknown = cli.run(sandbox.adHoc("keys", "limit", "no-such-key", "--amount", "5", "--reset",
                "never", "--yes"));
        assertThat(unknown.exit()).isEqualTo(4);
        assertThat(unknown.err()).contains("has no key with id or name \"no-such-key\"");
    }

    @Test
    void theKeyListShowsOwnerSpendAndLimitInItsTableAndJson() throws Exception {
        CliHarness.Result table = cli.run(sandbox.adHoc("keys", "list"));
        assertThat(table.exit()).as(table.err()).isZero();
        String header = table.out().lines().findFirst().orElseThrow();
        assertThat(header).contains("OWNER").contains("SPEND").contains("LIMIT");
        assertThat(table.out().lines().filter(l -> l.contains("translation-service")).findFirst().orElseThrow())
                .contains("team Growth").contains(" this month").containsPattern("9\\d % of \\$");

        JsonNode near = listed("translation-service").get("account");
        assertThat(near.at("/limit/used_percent").asDouble()).isBetween(90.0, 100.0);
        assertThat(near.at("/limit/reset").asText()).isEqualTo("never");
        assertThat(near.at("/spend/total/unit").asText()).isEqualTo("USD");
        assertThat(near.at("/owners/0/display_name").asText()).isEqualTo("Growth");
        JsonNode open = listed("web-frontend").get("account");
        assertThat(open.get("limits_reported").asBoolean()).isTrue();
        assertThat(open.get("limit").isNull()).isTrue();
        assertThat(listed("sales-crm-sync").at("/account/owners/0/member").asBoolean(true)).isFalse();
    }

    @Test
    void theReportFailsOnTheSpendAndOwnerRulesAtTheirSeverities() throws Exception {
        Path json = dir.resolve("review.json");
        CliHarness.Result high = cli.run(sandbox.adHoc("report", "--format", "json", "--out", json.toString(),
                "--fail-on", "high"));
        assertThat(high.exit()).isEqualTo(1);
        assertThat(high.err()).contains("sales-crm-sync").contains("no longer a member");
        JsonNode report = JSON.readTree(json.toFile());
        assertThat(report.get("findings")).anySatisfy(f -> {
            assertThat(f.get("rule").asText()).isEqualTo("near-limit");
            assertThat(f.get("key_name").asText()).isEqualTo("translation-service");
            assertThat(f.get("severity").asText()).isEqualTo("medium");
        });
        assertThat(report.get("findings")).anySatisfy(f -> {
            assertThat(f.get("rule").asText()).isEqualTo("no-limit");
            assertThat(f.get("key_name").asText()).isEqualTo("web-frontend");
        });
    }
}
