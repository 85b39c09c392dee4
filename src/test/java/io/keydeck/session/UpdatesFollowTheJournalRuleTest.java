package io.keydeck.session;

import io.keydeck.gateway.AdminToken;
import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayDriver;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.GatewayTarget;
import io.keydeck.journal.ActionJournal;
import io.keydeck.journal.JournalEntry;
import io.keydeck.model.ApiKey;
import io.keydeck.model.KeyUpdate;
import io.keydeck.sandbox.IssuedKey;
import io.keydeck.sandbox.SandboxGateway;
import io.keydeck.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The journal rule of {@link AdminActions} for rename, disable and enable (create and revoke are proven through
 * both doors in {@code BothDoorsFollowOneJournalRuleTest}): with a journal that cannot be written, a disable
 * reduces access and so goes ahead and warns; a rename or an enable is refused before the gateway is asked.
 */
class UpdatesFollowTheJournalRuleTest {
    @TempDir
    Path dir;
    private SandboxGateway sandbox;
    private GatewayClient client;
    private AdminActions actions;
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxGateway.start(SandboxOptions.defaults().withPort(0).withTraffic(false));
        client = GatewayDriver.byId("multiroute").orElseThrow().connect(new GatewayTarget(sandbox.baseUrl(),
                AdminToken.of(sandbox.adminToken().toCharArray())));
        Files.writeString(dir.resolve("data"), "not a directory"); // nothing can be written below it, even as root
        ActionJournal unwritable = ActionJournal.open(dir.resolve("data").resolve(ActionJournal.FILE_NAME));
        actions = new AdminActions(unwritable, Clock.systemUTC(), (JournalEntry entry, String reason) ->
                warnings.add(entry.action() + ": " + reason));
    }

    @AfterEach
    void stop() {
        client.close();
        sandbox.close();
    }

    private ApiKey key(String id) throws Exception {
        return client.listAllKeys(true, n -> { }).stream().filter(k -> k.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aDisableGoesAheadAndWarnsWhileRenameAndEnableAreRefusedBeforeAnyRequest() throws Exception {
        IssuedKey issued = sandbox.issueInferenceKey("rule-check");

        ApiKey disabled = actions.update(client, "Sandbox", key(issued.id()), KeyUpdate.disabled(true));
        assertThat(disabled.disabled()).isTrue();
        assertThat(key(issued.id()).disabled()).as("on the gateway").isTrue();
        assertThat(warnings).singleElement().asString().startsWith("DISABLE: ").contains("could not write");

        GatewayException enable = catchThrowableOfType(AdminActions.JournalUnwritableException.class,
                () -> actions.update(client, "Sandbox", key(issued.id()), KeyUpdate.disabled(false)));
        GatewayException rename = catchThrowableOfType(AdminActions.JournalUnwritableException.class,
                () -> actions.update(client, "Sandbox", key(issued.id()), KeyUpdate.rename("renamed")));
        assertThat(List.of(enable, rename)).allSatisfy(e -> assertThat(e.getMessage())
                .contains("could not write its action journal").endsWith("Nothing was changed on the gateway."));
        ApiKey after = key(issued.id());
        assertThat(after.disabled()).as("still disabled: the enable was never sent").isTrue();
        assertThat(after.name()).as("the rename was never sent").isEqualTo("rule-check");
        assertThat(warnings).hasSize(1);
    }
}
