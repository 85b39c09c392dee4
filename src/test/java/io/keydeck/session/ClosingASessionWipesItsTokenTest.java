package io.keydeck.session;

import io.keydeck.gateway.AdminToken;
import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayDriver;
import io.keydeck.gateway.GatewayException;
import io.keydeck.gateway.GatewayTarget;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Closing a session leaves no readable copy of its admin token in the client that held it. */
class ClosingASessionWipesItsTokenTest {
    private static final String TOKEN = "mrk_admin_" + "s3cr3t".repeat(5);

    @Test
    void theMultiRouteClientsCopyIsWipedWhenItsSessionCloses() throws Exception {
        AdminToken held = AdminToken.of(TOKEN);
        GatewayClient client = GatewayDriver.byId("multiroute").orElseThrow()
                .connect(new GatewayTarget(URI.create("http://127.0.0.1:9"), held));
        ConnectionSession session = ConnectionSession.of("Staging", false, client);
        assertThat(new String(held.chars())).isEqualTo(TOKEN);

        session.close();

        assertThat(held.chars()).containsOnly('\0');
    }

    @Test
    void everyInstalledDriversClientWipesItsCopyOnClose() {
        List<String> checked = new ArrayList<>();
        for (GatewayDriver driver : GatewayDriver.installed()) {
            AdminToken held = AdminToken.of(TOKEN);
            GatewayClient client;
            try {
                client = driver.connect(new GatewayTarget(URI.create("http://127.0.0.1:9"), held));
            } catch (GatewayException needsOptions) {
                continue; // a driver that wants options (e.g. a custom path) is covered by its own tests
            }
            ConnectionSession.of(driver.id(), false, client).close();
            assertThat(held.chars()).as(driver.id()).containsOnly('\0');
            checked.add(driver.id());
        }
        assertThat(checked).contains("multiroute", "openai", "openrouter", "anthropic");
    }
}
