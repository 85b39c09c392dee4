package io.keydeck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keydeck.sandbox.SandboxGateway;
import io.keydeck.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code keydeck report --fail-on high} as a CI gate: it fails on the sandbox's over-privileged keys
 * and passes once they are revoked through the command line. The sandbox runs without seeded auth
 * failures, so every high finding is one that revoking can fix.
 */
class ReportFailsCiUntilKeysAreFixedTest {
    private static final String TOKEN_VAR = "KD_TEST_TOKEN";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private SandboxGateway sandbox;
    private CliHarness cli;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxGateway.start(SandboxOptions.defaults().withTraffic(false).withAuthEvents(0));
        cli = new CliHarness(dir);
        cli.env.put(TOKEN_VAR, sandbox.adminToken());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private String[] adHoc(String... command) {
        return Stream.concat(Stream.of(command), Stream.of("--driver", "multiroute", "--base-url",
                sandbox.baseUrl().toString(), "--token-env", TOKEN_VAR)).toArray(String[]::new);
    }

    private Set<String> highFindingKeyIds(Path json) throws Exception {
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode finding : JSON.readTree(json.toFile()).get("findings")) {
            if (finding.get("severity").asText().equals("high")) {
                ids.add(finding.get("key_id").asText());
            }
        }
        return ids;
    }

    @Test
    void failOnHighExitsOneUntilTheOffendingKeysAreRevoked() throws Exception {
        Path report = dir.resolve("review.json");

        CliHarness.Result failing = cli.run(adHoc("report", "--format", "json", "--out", report.toString(),
                "--fail-on", "high"));

        assertThat(failing.exit()).as(failing.err()).isEqualTo(1);
        assertThat(failing.out()).isEmpty();
        Set<String> offending = highFindingKeyIds(report);
        assertThat(offending).isNotEmpty();
        assertThat(failing.err()).contains("or worse (--fail-on high)");
        offending.forEach(id -> assertThat(failing.err()).contains(id));

        for (String id : offending) {
            CliHarness.Result revoked = cli.run(adHoc("keys", "revoke", id, "--yes"));
            assertThat(revoked.exit()).as(revoked.err()).isZero();
        }
        CliHarness.Result passing = cli.run(adHoc("report", "--format", "json", "--out", report.toString(),
                "--fail-on", "high"));

        assertThat(passing.exit()).as(passing.err()).isZero();
        assertThat(highFindingKeyIds(report)).isEmpty();
        assertThat(JSON.readTree(report.toFile()).at("/summary/findings/medium").asInt()).isPositive();
    }

    @Test
    void withoutFailOnFindingsDoNotChangeTheExitCode() throws Exception {
        Path report = dir.resolve("review.csv");

        CliHarness.Result result = cli.run(adHoc("report", "--out", report.toString()));

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.err()).containsPattern("Reviewed \\d+ keys of .*: [1-9]\\d* high");
        assertThat(Files.readAllLines(report).get(0)).startsWith("connection,name,id,key,").contains("findings");
        assertThat(Files.readAllLines(report)).hasSize(sandbox.keyCount() + 1);
    }

    @Test
    void failOnMediumCatchesWhatHighLetsThrough() throws Exception {
        List<Integer> exits = new ArrayList<>();
        for (String severity : List.of("high", "medium")) {
            Path report = dir.resolve(severity + ".html");
            exits.add(cli.run(adHoc("report", "--format", "html", "--out", report.toString(), "--fail-on", severity)).exit());
            assertThat(Files.readString(report)).startsWith("<!DOCTYPE html>").doesNotContain(sandbox.adminToken());
        }
        assertThat(exits).containsExactly(1, 1);

        Path html = dir.resolve("high.html");
        for (String id : highFindingKeyIds(writeJson())) {
            cli.run(adHoc("keys", "revoke", id, "--yes"));
        }

        assertThat(cli.run(adHoc("report", "--format", "html", "--out", html.toString(), "--fail-on", "high")).exit()).isZero();
        assertThat(cli.run(adHoc("report", "--format", "html", "--out", html.toString(), "--fail-on", "medium")).exit()).isOne();
    }

    private Path writeJson() {
        Path json = dir.resolve("all.json");
        cli.run(adHoc("report", "--out", json.toString()));
        return json;
    }

    @Test
    void outDashWritesTheReportToStdout() throws Exception {
        CliHarness.Result result = cli.run(adHoc("report", "--format", "json", "--out", "-"));

        assertThat(result.exit()).as(result.err()).isZero();
        JsonNode report = JSON.readTree(result.out());
        assertThat(report.get("keys")).hasSize(sandbox.keyCount());
        assertThat(report.at("/summary/connections/0/production").asBoolean()).isFalse();
        assertThat(result.err()).contains("Reviewed ").doesNotContain("written to");
    }

    @Test
    void aSavedConnectionTaggedProductionIsJudgedAsProduction() throws Exception {
        cli.run("connections", "add", "--name", "Prod", "--driver", "multiroute", "--base-url",
                sandbox.baseUrl().toString(), "--tag", "production", "--token-env", TOKEN_VAR);

        CliHarness.Result result = cli.run("report", "--connection", "Prod", "--format", "json", "--out", "-");

        assertThat(result.exit()).as(result.err()).isZero();
        JsonNode report = JSON.readTree(result.out());
        assertThat(report.at("/summary/connections/0/connection").asText()).isEqualTo("Prod");
        assertThat(report.at("/summary/connections/0/production").asBoolean()).isTrue();
        List<String> rules = new ArrayList<>();
        report.get("findings").forEach(f -> rules.add(f.get("rule").asText()));
        assertThat(rules).contains("test-key-in-production");
    }

    @Test
    void reportArgumentsAreChecked() {
        CliHarness.Result noFormat = cli.run(adHoc("report", "--out", dir.resolve("review.txt").toString()));
        CliHarness.Result badFormat = cli.run(adHoc("report", "--format", "pdf", "--out", "x.pdf"));
        CliHarness.Result badSeverity = cli.run(adHoc("report", "--out", "x.csv", "--fail-on", "critical"));
        CliHarness.Result noOut = cli.run(adHoc("report", "--format", "csv"));

        assertThat(List.of(noFormat, badFormat, badSeverity, noOut)).allSatisfy(r -> assertThat(r.exit()).isEqualTo(2));
        assertThat(noFormat.err()).contains("--format csv, json or html");
        assertThat(badFormat.err()).contains("--format must be csv, json or html");
        assertThat(badSeverity.err()).contains("--fail-on must be high, medium or low");
        assertThat(noOut.err()).contains("--out is required");
    }
}
