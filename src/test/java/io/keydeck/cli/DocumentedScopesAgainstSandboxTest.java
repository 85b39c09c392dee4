package io.keydeck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scopes MultiRoute's documents name ({@code inference}, {@code config:read}, {@code config:write},
 * {@code keys:manage}; their own create example asks for {@code inference}) are granted by the embedded
 * sandbox when {@code keydeck keys create} asks for them through the multiroute driver, beside the
 * sandbox's own scopes; a scope nobody documents is still refused, by name, and makes no key.
 */
class DocumentedScopesAgainstSandboxTest {
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

    private CliHarness.Result run(String... command) {
        return cli.run(sandbox.adHoc(command));
    }

    /** The new key's secret (the only line on stdout). */
    private String create(String name, String scopes) {
        CliHarness.Result created = run("keys", "create", "--name", name, "--scope", scopes);
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.outLines()).hasSize(1);
        return created.outLines().get(0);
    }

    /** The scopes the gateway lists for the key of that name, or null when no such key is listed. */
    private List<String> listedScopes(String name) throws Exception {
        CliHarness.Result list = run("keys", "list", "--json");
        assertThat(list.exit()).as(list.err()).isZero();
        for (JsonNode key : JSON.readTree(list.out())) {
            if (key.get("name").asText().equals(name)) {
                List<String> scopes = new ArrayList<>();
                key.get("scopes").forEach(s -> scopes.add(s.asText()));
                return scopes;
            }
        }
        return null;
    }

    @ParameterizedTest
    @ValueSource(strings = {"inference", "config:read", "config:write", "keys:manage"})
    void eachDocumentedScopeIsGrantedAsAskedFor(String scope) throws Exception {
        String name = "doc-" + scope.replace(':', '-') + "-" + UUID.randomUUID();

        create(name, scope);

        assertThat(listedScopes(name)).containsExactly(scope);
    }

    @Test
    void theDocumentedScopesAreGrantedBesideTheSandboxsOwn() throws Exception {
        String name = "doc-all-" + UUID.randomUUID();

        create(name, "inference,config:read,config:write,keys:manage,chat:write,usage:read");

        assertThat(listedScopes(name)).containsExactly("inference", "config:read", "config:write", "keys:manage",
                "chat:write", "usage:read");
    }

    @Test
    void anInferenceKeyMayCallChatCompletionsAndAConfigReadKeyMayNot() throws Exception {
        String inference = create("doc-chat-" + UUID.randomUUID(), "inference");
        String configReader = create("doc-noinf-" + UUID.randomUUID(), "config:read");

        assertThat(sandbox.chat(inference)).isEqualTo(200);
        assertThat(sandbox.chat(configReader)).isEqualTo(403);
    }

    @Test
    void aScopeNobodyDocumentsIsRefusedByNameAndMakesNoKey() throws Exception {
        String name = "doc-unknown-" + UUID.randomUUID();

        CliHarness.Result refused = run("keys", "create", "--name", name, "--scope", "inference,keys:destroy");

        assertThat(refused.exit()).as(refused.err()).isEqualTo(4);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).contains("Unknown scope").contains("keys:destroy");
        assertThat(listedScopes(name)).isNull();
    }
}
