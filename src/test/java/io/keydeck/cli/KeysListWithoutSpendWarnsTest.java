package io.keydeck.cli;

import io.keydeck.gateway.fixture.FixtureServer;
import io.keydeck.gateway.fixture.FixtureServer.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code keys list} against an OpenAI organization whose costs report is refused: the keys are still printed
 * (exit 0), and stderr says which report failed and that spend is unknown, instead of a blank spend column.
 */
class KeysListWithoutSpendWarnsTest {
    @TempDir Path dir;

    @Test
    void aRefusedCostsReportIsAWarningAndTheKeysAreStillListed() throws Exception {
        try (FixtureServer openAi = FixtureServer.start()) {
            openAi.enqueue(Reply.json(403, "{\"error\":{\"message\":\"Missing scope api.usage.read\","
                            + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"missing_scope\"}}"),
                    Reply.json(200, "{\"object\":\"list\",\"data\":[{\"object\":\"organization.admin_api_key\","
                            + "\"id\":\"key_abc\",\"name\":\"Main Admin Key\",\"redacted_value\":\"sk-admin...def1\","
                            + "\"created_at\":1711471533}],\"has_more\":false}"),
                    Reply.json(200, "{\"data\":[],\"has_more\":false}"));
            CliHarness cli = new CliHarness(dir);
            cli.env.put("KD_OPENAI", "sk-admin-cli0000000000000");

            CliHarness.Result result = cli.run("keys", "list", "--driver", "openai", "--base-url",
                    openAi.baseUrl().toString(), "--token-env", "KD_OPENAI");

            assertThat(result.exit()).isZero();
            assertThat(result.out()).contains("Main Admin Key");
            assertThat(result.err()).contains("keydeck: warning: OpenAI's costs report (/v1/organization/costs) "
                    + "refused: Missing scope api.usage.read (missing_scope, HTTP 403)")
                    .contains("Spend per key is unknown").doesNotContain("sk-admin-cli");
        }
    }
}
